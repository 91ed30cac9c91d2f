/** The networks image-to-image translation variants share: ResNet and U-Net generators, the PatchGAN discriminator. */
package io.gan4j.models.translation;
