/** NumPy .npy files of feature matrices. */
package io.gan4j.eval.npy;
