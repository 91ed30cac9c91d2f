package io.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gan4j.core.model.Generator;

/** {@code Sampling} runs a trained generator in inference mode on seeded noise. */
public final class Sampling {

    private static final int CHUNK = 500;

    private Sampling() {}

    /**
     * Generates {@code count} samples from noise fixed by {@code seed}.
     *
     * @return (count, sampleShape...) attached to {@code manager}
     */
    public static NDArray generate(Generator generator, int count, long seed, NDManager manager) {
        if (count <= 0) {
            throw new IllegalArgumentException("sample count must be > 0, was " + count);
        }
        ParameterStore store = new ParameterStore(manager, false);
        NDList parts = new NDList();
        for (int start = 0, chunk = 0; start < count; start += CHUNK, chunk++) {
            int n = Math.min(CHUNK, count - start);
            NDArray z = Noise.normal(manager, new Shape(n).addAll(generator.latentShape()), Seeds.mix(seed, chunk));
            parts.add(generator.block().forward(store, new NDList(z), false).singletonOrThrow());
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
    }
}
