package io.gan4j.core.model;

import ai.djl.ndarray.NDArray;

/**
 * A {@code SampleClassifier} assigns samples to classes with a trained variant's networks: a
 * semi-supervised discriminator's classes are the data's labels; InfoGAN's categorical code gives
 * groups it found without labels, which an evaluation must match to labels first.
 */
public interface SampleClassifier {

    /**
     * Returns the number of classes.
     *
     * @return the number of classes
     */
    int numClasses();

    /**
     * Returns whether the classes are the training data's labels; false for groups found without
     * labels (their numbering is arbitrary).
     *
     * @return whether the classes are the training data's labels
     */
    boolean supervised();

    /**
     * Scores samples in inference mode.
     *
     * @param samples (N, sample shape…) in the range the training data had
     * @return (N, numClasses) scores in the samples' manager; the largest is the class
     */
    NDArray classify(NDArray samples);
}
