package io.gan4j.eval.features;

import ai.djl.ndarray.types.Shape;

/** {@code FeatureNetworks} holds the rule that picks a feature network when none is named. */
public final class FeatureNetworks {

    private static final Shape MNIST = new Shape(1, 28, 28);

    private FeatureNetworks() {}

    /** Returns {@code lenet-mnist} for 28×28 grey images and {@code pixels} for anything else. */
    public static String defaultFor(Shape sampleShape) {
        return sampleShape.equals(MNIST) ? "lenet-mnist" : "pixels";
    }
}
