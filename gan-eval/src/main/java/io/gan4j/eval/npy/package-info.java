/** Feature matrices: NumPy .npy files and blocked distance computations. */
package io.gan4j.eval.npy;
