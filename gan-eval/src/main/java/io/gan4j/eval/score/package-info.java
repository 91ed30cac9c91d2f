/** Classifier-based scores (the Inception Score with any classifier). */
package io.gan4j.eval.score;
