/** Precision/recall and density/coverage of generated samples on k-NN manifolds. */
package io.gan4j.eval.prdc;
