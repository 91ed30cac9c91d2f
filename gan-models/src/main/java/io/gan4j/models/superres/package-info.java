/** SRGAN (Ledig et al. 2017): single-image super-resolution with a residual generator and sub-pixel upsampling. */
package io.gan4j.models.superres;
