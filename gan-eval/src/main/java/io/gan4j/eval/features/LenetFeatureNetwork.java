package io.gan4j.eval.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.eval.classifier.Lenet;
import io.gan4j.eval.classifier.LenetWeights;

/**
 * A {@code LenetFeatureNetwork} measures 28×28 grey images with a trained {@link Lenet}: features
 * are the 128-d penultimate activations, probabilities the softmax of the logits. Inputs are in
 * [-1, 1], the range it was trained on; no resizing.
 */
final class LenetFeatureNetwork implements FeatureNetwork {

    private static final Shape INPUT = new Shape(1, 28, 28);

    private final String name;
    private final LenetWeights weights;
    private final ParameterStore store;

    LenetFeatureNetwork(String name, LenetWeights weights) {
        this.name = name;
        this.weights = weights;
        this.store = new ParameterStore(weights.manager(), false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape inputShape() {
        return INPUT;
    }

    @Override
    public int dimension() {
        return Lenet.FEATURES;
    }

    @Override
    public String weightsHash() {
        return weights.sha256();
    }

    @Override
    public NDArray features(NDArray batch) {
        check(batch);
        return weights.trunk().forward(store, new NDList(batch), false).head();
    }

    @Override
    public int numClasses() {
        return weights.classes();
    }

    @Override
    public NDArray classProbabilities(NDArray batch) {
        return probabilities(features(batch));
    }

    /** Runs the trunk once for both results. */
    @Override
    public NDList measure(NDArray batch) {
        NDArray features = features(batch);
        return new NDList(features, probabilities(features));
    }

    private NDArray probabilities(NDArray features) {
        return weights.head().forward(store, new NDList(features), false).head().softmax(1);
    }

    private void check(NDArray batch) {
        if (!batch.getShape().slice(1).equals(INPUT)) {
            throw new IllegalArgumentException(name + " measures 28x28 grey images (N, 1, 28, 28), got " + batch.getShape());
        }
    }

    @Override
    public void close() {
        weights.close();
    }
}
