/** CycleGAN: unpaired image-to-image translation with ResNet/U-Net generators and PatchGAN discriminators. */
package io.gan4j.models.cyclegan;
