/** Where the samples a metric measures come from: a dataset, a generator, rejection sampling or a file ({@link io.gan4j.eval.samples.SampleSource}). */
package io.gan4j.eval.samples;
