/** IDX files (MNIST distribution format) and the embedded MNIST default. */
package io.gan4j.data.idx;
