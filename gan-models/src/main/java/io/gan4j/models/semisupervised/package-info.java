/** The semi-supervised GAN (Salimans et al. 2016): a K-class discriminator that learns from few labels, with feature matching. */
package io.gan4j.models.semisupervised;
