/** Differentiable augmentation of discriminator inputs (DiffAugment). */
package io.gan4j.core.augment;
