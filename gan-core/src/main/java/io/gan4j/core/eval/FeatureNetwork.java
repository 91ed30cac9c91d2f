package io.gan4j.core.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * A {@code FeatureNetwork} embeds samples into a feature space for distribution metrics (FID, KID,
 * precision/recall) and, when it is a classifier, gives class probabilities (classifier score,
 * class histograms, conditional accuracy).
 *
 * <p>Inputs are batches of samples in the generator's range (images: [-1, 1]); the network does its
 * own preprocessing. Results are attached to the input's manager. Not thread-safe; close it to free
 * its weights.
 */
public interface FeatureNetwork extends AutoCloseable {

    /**
     * Returns the plugin name this network was created by, e.g. {@code lenet-mnist}.
     *
     * @return the plugin name this network was created by, e.g
     */
    String name();

    /**
     * Returns the shape of one input sample, without the batch axis.
     *
     * @return the shape of one input sample, without the batch axis
     */
    Shape inputShape();

    /**
     * Returns the feature dimension d.
     *
     * @return the feature dimension d
     */
    int dimension();

    /**
     * Returns a hash of the weights (SHA-256, hex) so metric results can say exactly what measured them.
     *
     * @return a hash of the weights (SHA-256, hex) so metric results can say exactly what measured them
     */
    String weightsHash();

    /**
     * Returns the features (N, d) of a batch (N, inputShape...).
     *
     * @param batch a batch of samples, the batch axis first, in the network's input shape
     * @return the features (N, d) of a batch (N, inputShape...)
     */
    NDArray features(NDArray batch);

    /**
     * Returns the number of classes, or 0 when the network is not a classifier.
     *
     * @return the number of classes, or 0 when the network is not a classifier
     */
    default int numClasses() {
        return 0;
    }

    /**
     * Returns class probabilities (N, numClasses) of a batch.
     *
     * @param batch a batch of samples, the batch axis first, in the network's input shape
     * @return class probabilities (N, numClasses) of a batch
     * @throws UnsupportedOperationException when {@link #numClasses()} is 0
     */
    default NDArray classProbabilities(NDArray batch) {
        throw new UnsupportedOperationException(name() + " is not a classifier");
    }

    /**
     * Returns the features of a batch and, for classifiers, its class probabilities, as {@code [features]}
     * or {@code [features, probabilities]}. Networks whose probabilities are computed from their features
     * override this to run their trunk once.
     *
     * @param batch a batch of samples, the batch axis first, in the network's input shape
     * @return the features of a batch and, for classifiers, its class probabilities, as {@code [features]} or
     *     {@code [features, probabilities]}
     */
    default NDList measure(NDArray batch) {
        return numClasses() > 0 ? new NDList(features(batch), classProbabilities(batch)) : new NDList(features(batch));
    }

    @Override
    void close();
}
