package io.gan4j.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.engine.EngineSupport;

/**
 * {@code GradientPenalty} holds gradient penalties on a discriminator as pure functions of the
 * critic and the points it is evaluated at. They need higher-order gradients, so they run on engines
 * whose {@link EngineSupport#supportsHigherOrderGradients()} is true (PyTorch), and must be called
 * while gradients are recorded (inside {@code StepContext.minimize}).
 */
public final class GradientPenalty {

    private GradientPenalty() {}

    /**
     * Returns the points of WGAN-GP (Gulrajani et al. 2017): ε·real + (1 − ε)·fake per sample.
     *
     * @param epsilon (N) values in [0, 1]
     * @param real a batch of real samples
     * @param fake a batch of generated samples, of the same shape
     * @return the interpolated points
     */
    public static NDArray interpolate(NDArray real, NDArray fake, NDArray epsilon) {
        long[] dims = new long[real.getShape().dimension()];
        java.util.Arrays.fill(dims, 1);
        dims[0] = real.getShape().get(0);
        NDArray e = epsilon.reshape(new Shape(dims));
        return real.mul(e).add(fake.mul(e.neg().add(1)));
    }

    /**
     * Returns λ · mean over samples of (‖∇ₓ critic(x)‖₂ − 1)², the WGAN-GP penalty at {@code points}
     * (with {@link #interpolate}d points) or DRAGAN's (at perturbed real points).
     *
     * @param critic the discriminator, as a function of its input
     * @param points the samples at which the gradient is taken
     * @param lambda the penalty's weight
     * @return λ · mean over samples of (‖∇ₓ critic(x)‖₂ − 1)², the WGAN-GP penalty at {@code points} (with
     *     {@link #interpolate}d points) or DRAGAN's (at perturbed real points)
     */
    public static NDArray towardsUnitNorm(Critic critic, NDArray points, double lambda) {
        return norms(critic, points).sub(1).square().mean().mul((float) lambda);
    }

    /**
     * Returns γ/2 · mean over samples of ‖∇ₓ critic(x)‖₂², R1 (Mescheder et al. 2018) at real points.
     *
     * @param critic the discriminator, as a function of its input
     * @param points the samples at which the gradient is taken
     * @param gamma the penalty's weight
     * @return γ/2 · mean over samples of ‖∇ₓ critic(x)‖₂², the R1 penalty
     */
    public static NDArray squaredNorm(Critic critic, NDArray points, double gamma) {
        return gradients(critic, points).square().sum(new int[] {1}).mean().mul((float) (gamma / 2));
    }

    private static NDArray norms(Critic critic, NDArray points) {
        return gradients(critic, points).square().sum(new int[] {1}).sqrt();
    }

    /** Returns ∇ₓ critic(x) per sample, flattened to (N, D), differentiable. */
    private static NDArray gradients(Critic critic, NDArray points) {
        NDArray x = points.stopGradient();
        x.setRequiresGradient(true);
        NDArray g = EngineSupport.of(x).inputGradient(critic.apply(x), x);
        return g.reshape(g.getShape().get(0), -1);
    }
}
