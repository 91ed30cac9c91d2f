/** Stacked MNIST: three digits as the channels of one image, 1,000 modes. */
package io.gan4j.data.stacked;
