/** InfoGAN (Chen et al. 2016): interpretable categorical and continuous latent codes by a mutual-information term. */
package io.gan4j.models.infogan;
