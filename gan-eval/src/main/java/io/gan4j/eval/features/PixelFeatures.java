package io.gan4j.eval.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.eval.FeatureNetwork;

/** {@code PixelFeatures} uses the raw sample values, flattened, as features: for toy and tabular data. */
final class PixelFeatures implements FeatureNetwork {

    private final Shape sampleShape;

    PixelFeatures(Shape sampleShape) {
        this.sampleShape = sampleShape;
    }

    @Override
    public String name() {
        return "pixels";
    }

    @Override
    public Shape inputShape() {
        return sampleShape;
    }

    @Override
    public int dimension() {
        return Math.toIntExact(sampleShape.size());
    }

    @Override
    public String weightsHash() {
        return "none";
    }

    @Override
    public NDArray features(NDArray batch) {
        return batch.reshape(batch.getShape().get(0), dimension());
    }

    @Override
    public void close() {}
}
