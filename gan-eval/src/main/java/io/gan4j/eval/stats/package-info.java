/** Small statistics shared by the metrics: a value with its spread ({@link io.gan4j.eval.stats.MeanStd}). */
package io.gan4j.eval.stats;
