/** The LeNet classifier behind the lenet-* feature networks, and its seeded training. */
package io.gan4j.eval.classifier;
