package io.gan4j.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.engine.EngineCapability;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * The gradient penalties with StudioGAN's formulas, as functions and as plugins ({@code wgan-gp},
 * {@code dragan}, {@code r1}) with the papers' default weights. All need {@link
 * EngineCapability#HIGHER_ORDER_GRADIENTS} (the PyTorch engine).
 */
public final class StandardPenalties {

    private StandardPenalties() {}

    /**
     * WGAN-GP (Gulrajani et al. 2017): λ·E[(‖∇D(x̂)‖ − 1)²] at x̂ = ε·real + (1 − ε)·fake, ε ~ U[0, 1) per sample.
     *
     * @param lambda the penalty's weight
     * @return the penalty
     */
    public static DiscriminatorPenalty wganGp(double lambda) {
        return (critic, real, fake, uniform) -> GradientPenalty.towardsUnitNorm(critic,
                GradientPenalty.interpolate(real, fake, uniform.apply(new Shape(real.getShape().get(0)))), lambda);
    }

    /**
     * DRAGAN (Kodali et al. 2017) as StudioGAN computes it: λ·E[(‖∇D(x̂)‖ − 1)²] at
     * x̂ = real + α·0.5·std(real)·U, α ~ U[0, 1) per sample, U ~ U[0, 1) per element.
     *
     * @param lambda the penalty's weight
     * @return the penalty
     */
    public static DiscriminatorPenalty dragan(double lambda) {
        return (critic, real, fake, uniform) -> {
            NDArray spread = uniform.apply(real.getShape()).mul(real.sub(real.mean()).square().mean().sqrt().mul(0.5f));
            NDArray alpha = uniform.apply(new Shape(real.getShape().get(0)));
            return GradientPenalty.towardsUnitNorm(critic, GradientPenalty.interpolate(real.add(spread), real, alpha), lambda);
        };
    }

    /**
     * R1 (Mescheder et al. 2018): γ/2·E‖∇D(real)‖².
     *
     * @param gamma the penalty's weight
     * @return the penalty
     */
    public static DiscriminatorPenalty r1(double gamma) {
        return (critic, real, fake, uniform) -> GradientPenalty.squaredNorm(critic, real, gamma);
    }

    /**
     * Returns the plugin factories: wgan-gp (λ 10, 5 critic steps), dragan (λ 10), r1 (γ 10).
     *
     * @return the plugin factories: wgan-gp (λ 10, 5 critic steps), dragan (λ 10), r1 (γ 10)
     */
    public static List<PenaltyFactory> factories() {
        return List.of(
                new Factory("wgan-gp", "WGAN-GP gradient penalty at real/fake interpolates (Gulrajani et al. 2017)", 10, 5,
                        StandardPenalties::wganGp),
                new Factory("dragan", "DRAGAN gradient penalty around real samples (Kodali et al. 2017)", 10, 1,
                        StandardPenalties::dragan),
                new Factory("r1", "R1 gradient penalty on real samples (Mescheder et al. 2018)", 10, 1, StandardPenalties::r1));
    }

    private record Factory(String name, String description, double defaultWeight, int discriminatorSteps,
            DoubleFunction<DiscriminatorPenalty> penalty) implements PenaltyFactory {

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.real("weight", defaultWeight, 0, 1e6, "weight of the penalty (lambda; gamma for r1)"));
        }

        @Override
        public Set<EngineCapability> requires() {
            return Set.of(EngineCapability.HIGHER_ORDER_GRADIENTS);
        }

        @Override
        public DiscriminatorPenalty create(Options options) {
            return penalty.apply(options.getDouble("weight"));
        }
    }
}
