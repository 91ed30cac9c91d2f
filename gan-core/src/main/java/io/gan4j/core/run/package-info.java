/**
 * The library entry points that assemble runs: {@link io.gan4j.core.run.RunBuilder} resolves and checks
 * a run and trains it with the standard outputs; {@link io.gan4j.core.run.TrainedModel} loads a trained
 * run for sampling and evaluation.
 */
package io.gan4j.core.run;
