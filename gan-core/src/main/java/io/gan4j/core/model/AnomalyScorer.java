package io.gan4j.core.model;

import ai.djl.ndarray.NDArray;

/**
 * An {@code AnomalyScorer} says how unlike the training data each sample is: a detector trained on
 * normal data only (GANomaly, f-AnoGAN, an autoencoder) gives higher scores to anomalies. Scores are
 * raw, never normalized with statistics of the data being scored; thresholds are fitted on
 * validation data by the caller.
 */
public interface AnomalyScorer {

    /**
     * Scores samples with the trained networks in inference mode.
     *
     * @param samples (N, sample shape…) in the range the training data had
     * @return (N) scores in the samples' manager, higher meaning more anomalous
     */
    NDArray score(NDArray samples);
}
