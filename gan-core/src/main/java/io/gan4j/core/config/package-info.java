/**
 * What a run is, as immutable values validated on construction: {@link io.gan4j.core.config.RunSpec}
 * (variant, loss, data, training, regularization) and the {@code run.json} record around it.
 */
package io.gan4j.core.config;
