/** Metrics for class-conditional generators: class accuracy judged by a classifier, classes covered, intra-FID. */
package io.gan4j.eval.conditional;
