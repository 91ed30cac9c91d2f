/** Adversarial losses as pure functions of discriminator logits, and their plugin factories. */
package io.gan4j.core.loss;
