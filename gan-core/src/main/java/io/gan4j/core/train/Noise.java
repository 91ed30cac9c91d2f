package io.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * {@code Noise} draws standard-normal and uniform arrays on the Java side from an explicit seed, so the values
 * depend on nothing but that seed (not on engine state, thread count or earlier draws).
 */
public final class Noise {

    private Noise() {}

    /** Returns a float32 array of the given shape, filled with N(0, 1) values from {@code seed}. */
    public static NDArray normal(NDManager manager, Shape shape, long seed) {
        return fill(manager, shape, seed, SplittableRandom::nextGaussian);
    }

    /** Returns a float32 array of the given shape, filled with U[0, 1) values from {@code seed}. */
    public static NDArray uniform(NDManager manager, Shape shape, long seed) {
        return fill(manager, shape, seed, SplittableRandom::nextDouble);
    }

    private static NDArray fill(NDManager manager, Shape shape, long seed, ToDoubleFunction<SplittableRandom> draw) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) draw.applyAsDouble(random);
        }
        return manager.create(values, shape);
    }
}
