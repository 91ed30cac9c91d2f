/** Kernel Inception Distance. */
package io.gan4j.eval.kid;
