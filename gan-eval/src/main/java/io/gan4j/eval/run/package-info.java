/**
 * Measuring a trained run: {@link io.gan4j.eval.run.GeneratorEvaluation} is {@code gan eval}'s
 * measurement (its defaults rule for feature network and metrics) as a library call.
 */
package io.gan4j.eval.run;
