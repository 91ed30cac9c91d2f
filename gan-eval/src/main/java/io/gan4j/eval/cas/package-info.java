/** Classification Accuracy Score (CAS) and the Tribuo classifier the augmentation benchmarks use. */
package io.gan4j.eval.cas;
