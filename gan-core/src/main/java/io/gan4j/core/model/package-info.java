/**
 * The model SPI: generators, discriminators, whole GAN variants and the step context the trainer
 * gives them.
 */
package io.gan4j.core.model;
