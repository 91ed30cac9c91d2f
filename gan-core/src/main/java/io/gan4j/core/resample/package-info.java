/** Resampling of images between sizes, as super-resolution makes its inputs and baselines. */
package io.gan4j.core.resample;
