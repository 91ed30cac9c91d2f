package io.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GeneratorAverage} keeps an exponential moving average of a generator's weights (Yazıcı et al.
 * 2019; the "G_ema" of StyleGAN and StudioGAN): w̄ ← β·w̄ + (1 − β)·w after every step, running
 * statistics included. Its arrays live in the trainer's manager and are updated in place, so it
 * allocates nothing per step. Not thread-safe.
 */
final class GeneratorAverage {

    /** Prefix of the average's arrays in checkpoints. */
    static final String PREFIX = "average/";

    private final Map<String, Parameter> parameters;
    private final Map<String, NDArray> averages = new LinkedHashMap<>();
    private final float decay;

    /** Starts the average at the generator's current (initialized) weights. */
    GeneratorAverage(Map<String, Parameter> generatorParameters, double decay, NDManager manager) {
        this.parameters = new LinkedHashMap<>(generatorParameters);
        this.decay = (float) decay;
        parameters.forEach((name, p) -> averages.put(name, p.getArray().duplicate()));
        averages.values().forEach(a -> a.attach(manager));
    }

    /** Starts the average over at the generator's current weights, e.g. after loading them from another run. */
    void restart() {
        parameters.forEach((name, p) -> p.getArray().copyTo(averages.get(name)));
    }

    /** Moves the average towards the current weights: w̄ ← β·(w̄ − w) + w. */
    void update() {
        parameters.forEach((name, p) -> averages.get(name).subi(p.getArray()).muli(decay).addi(p.getArray()));
    }

    /** Returns the average's live arrays, keyed {@value #PREFIX}{@code parameter}, for checkpoints. */
    Map<String, NDArray> arrays() {
        Map<String, NDArray> named = new LinkedHashMap<>();
        averages.forEach((name, a) -> named.put(PREFIX + name, a));
        return named;
    }

    /** Runs {@code action} with the averaged weights in the generator, then puts the trained weights back. */
    void withAveragedWeights(Runnable action) {
        List<NDArray> trained = new ArrayList<>();
        parameters.forEach((name, p) -> {
            trained.add(p.getArray().duplicate());
            averages.get(name).copyTo(p.getArray());
        });
        try {
            action.run();
        } finally {
            int i = 0;
            for (Parameter p : parameters.values()) {
                try (NDArray saved = trained.get(i++)) {
                    saved.copyTo(p.getArray());
                }
            }
        }
    }
}
