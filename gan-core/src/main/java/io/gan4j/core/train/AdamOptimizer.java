package io.gan4j.core.train;

import io.gan4j.core.config.AdamConfig;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code AdamOptimizer} applies Adam updates to a fixed set of named parameters and, unlike
 * DJL's optimizers, exposes its state (moments keyed by parameter name, update count) so that a
 * checkpoint can restore it exactly.
 *
 * <p>The update runs the engine's fused Adam kernel; the learning rate carries Adam's bias
 * correction, lr·√(1−β2ᵗ)/(1−β1ᵗ), as DJL does. With {@link AdamConfig#clipNorm()} set, the
 * kernel's gradient rescale factor scales the group's gradients to that global norm when they exceed
 * it. Not thread-safe.
 */
public final class AdamOptimizer {

    private final String name;
    private final Map<String, Parameter> parameters;
    private final Map<String, NDArray> means = new LinkedHashMap<>();
    private final Map<String, NDArray> variances = new LinkedHashMap<>();
    private final AdamConfig config;
    private long updates;
    private double weightClip;

    /**
     * Creates the optimizer with zero moments.
     *
     * @param name the optimizer group's name
     * @param parameters trainable parameters by unique name, already initialized
     * @param config hyper-parameters
     * @param stateManager owns the moment arrays for the optimizer's lifetime
     */
    public AdamOptimizer(String name, Map<String, Parameter> parameters, AdamConfig config, NDManager stateManager) {
        this.name = name;
        this.parameters = new LinkedHashMap<>(parameters);
        this.config = config;
        parameters.forEach((key, p) -> {
            NDArray w = p.getArray();
            means.put(key, stateManager.zeros(w.getShape(), w.getDataType()));
            variances.put(key, stateManager.zeros(w.getShape(), w.getDataType()));
        });
    }

    /** Returns the group name. */
    public String name() {
        return name;
    }

    /** Returns the number of updates applied so far. */
    public long updates() {
        return updates;
    }

    /** Returns the parameters this optimizer updates, by name. */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** After each update, clips this group's weights to [-c, c] (WGAN's critic constraint); 0 turns it off. */
    void clipWeights(double c) {
        this.weightClip = c;
    }

    /** Applies one update from the gradients the last backward pass left on the parameters. */
    public void step() {
        step(1);
    }

    /**
     * Applies one update with the learning rate multiplied by {@code learningRateScale} (a schedule's
     * factor for this step).
     */
    public void step(double learningRateScale) {
        updates++;
        double correction1 = 1 - Math.pow(config.beta1(), updates);
        double correction2 = 1 - Math.pow(config.beta2(), updates);
        double learningRate = config.learningRate() * learningRateScale;
        float lr = (float) learningRate;
        float correctedLr = (float) (learningRate * Math.sqrt(correction2) / correction1);
        float rescale = config.clipNorm() > 0 ? (float) Math.min(1, config.clipNorm() / (gradientNorm() + 1e-6)) : 1f;
        for (var e : parameters.entrySet()) {
            NDArray weight = e.getValue().getArray();
            try (NDArray grad = weight.getGradient()) {
                NDList inputs = new NDList(weight, grad, means.get(e.getKey()), variances.get(e.getKey()));
                weight.getNDArrayInternal().adamUpdate(inputs, new NDList(weight), lr, correctedLr, 0f, rescale, -1f,
                        (float) config.beta1(), (float) config.beta2(), (float) config.epsilon(), true, false);
            }
            if (weightClip > 0) {
                try (NDArray clipped = weight.clip(-weightClip, weightClip)) {
                    clipped.copyTo(weight);
                }
            }
        }
    }

    /** Returns the global L2 norm of the gradients on this group's parameters. */
    double gradientNorm() {
        double sum = 0;
        for (Parameter p : parameters.values()) {
            try (NDArray grad = p.getArray().getGradient(); NDArray squares = grad.square(); NDArray total = squares.sum()) {
                sum += total.getFloat();
            }
        }
        return Math.sqrt(sum);
    }

    /** Returns the moments as named arrays ({@code <param>/m}, {@code <param>/v}); the arrays are live. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        means.forEach((k, v) -> state.put(k + "/m", v));
        variances.forEach((k, v) -> state.put(k + "/v", v));
        return state;
    }

    /** Sets the update count restored from a checkpoint (the moments are restored through {@link #state()}). */
    void restoreUpdates(long count) {
        this.updates = count;
    }
}
