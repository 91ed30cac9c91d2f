/** pix2pix (Isola et al. 2017): paired image-to-image translation with a U-Net and a conditional PatchGAN. */
package io.gan4j.models.pix2pix;
