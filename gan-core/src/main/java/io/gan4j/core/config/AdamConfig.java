package io.gan4j.core.config;

/**
 * {@code AdamConfig} holds Adam's hyper-parameters (Kingma &amp; Ba 2015) and optional gradient clipping.
 *
 * @param learningRate step size, &gt; 0
 * @param beta1 first-moment decay in [0, 1)
 * @param beta2 second-moment decay in [0, 1)
 * @param epsilon added to the root of the second moment, &gt; 0
 * @param clipNorm when &gt; 0, gradients of the group are scaled down so that their global L2 norm is
 *     at most this (PyTorch's {@code clip_grad_norm_}); 0 for no clipping
 */
public record AdamConfig(double learningRate, double beta1, double beta2, double epsilon, double clipNorm) {

    /** The DCGAN paper's setting: lr 2e-4, betas (0.5, 0.999). */
    public static final AdamConfig DCGAN = new AdamConfig(2e-4, 0.5, 0.999, 1e-8);

    /** Checks the ranges. */
    public AdamConfig {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be > 0, was " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), was " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), was " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, was " + epsilon);
        }
        if (!(clipNorm >= 0) || !Double.isFinite(clipNorm)) {
            throw new IllegalArgumentException("gradient clipping norm must be >= 0 (0: off), was " + clipNorm);
        }
    }

    /** Creates the setting without gradient clipping. */
    public AdamConfig(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, beta1, beta2, epsilon, 0);
    }

    /** Returns a copy with another learning rate. */
    public AdamConfig withLearningRate(double lr) {
        return new AdamConfig(lr, beta1, beta2, epsilon, clipNorm);
    }
}
