/**
 * The adversarial training loop: configuration, optimizers with saveable state, seeded data order
 * and noise, checkpoints and run directories.
 */
package io.gan4j.core.train;
