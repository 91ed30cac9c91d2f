/** The LeNet classifier behind the lenet-* feature networks, its seeded training, and the accuracy of a trained variant's classifier. */
package io.gan4j.eval.classifier;
