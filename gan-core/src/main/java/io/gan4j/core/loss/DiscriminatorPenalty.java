package io.gan4j.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.function.Function;

/**
 * A {@code DiscriminatorPenalty} is a regularizer added to the discriminator's loss that depends on
 * the discriminator itself, not only on its logits: gradient penalties (WGAN-GP, DRAGAN, R1). Like
 * {@link AdversarialLoss} it is a pure function; it runs inside the discriminator's update, while
 * gradients are recorded.
 */
@FunctionalInterface
public interface DiscriminatorPenalty {

    /**
     * Returns the scalar penalty.
     *
     * @param critic the discriminator as a function from samples to logits, with its parameters
     * @param real the real batch, as the discriminator saw it
     * @param fake the generated batch, detached from the generator
     * @param uniform draws U[0, 1) noise of a shape from the run's seeded streams
     * @return the scalar penalty
     */
    NDArray penalty(Critic critic, NDArray real, NDArray fake, Function<Shape, NDArray> uniform);
}
