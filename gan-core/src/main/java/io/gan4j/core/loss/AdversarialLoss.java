package io.gan4j.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * An {@code AdversarialLoss} is a pair of pure functions from discriminator logits to the scalar
 * losses each player minimizes (TF-GAN style): no optimizer, no update order, no state.
 *
 * <p>Logits are raw discriminator outputs of any shape; results are scalars (mean over the batch).
 * Relativistic losses also judge real samples in the generator's loss; they say so with {@link
 * #generatorUsesRealLogits()}, so that other losses spare the extra discriminator pass.
 */
public interface AdversarialLoss {

    /**
     * Returns the discriminator's loss given its logits on real and on generated samples.
     *
     * @param realLogits the discriminator's logits on real samples
     * @param fakeLogits the discriminator's logits on generated samples
     * @return the discriminator's loss given its logits on real and on generated samples
     */
    NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits);

    /**
     * Returns the generator's loss given the discriminator's logits on generated samples and, for
     * losses whose {@link #generatorUsesRealLogits()} is true, on a real batch.
     *
     * @param realLogits the logits on real samples, or {@code null} when this loss does not use them
     * @param fakeLogits the discriminator's logits on generated samples
     * @return the generator's loss given the discriminator's logits on generated samples and, for losses
     *     whose {@link #generatorUsesRealLogits()} is true, on a real batch
     */
    NDArray generatorLoss(NDArray realLogits, NDArray fakeLogits);

    /**
     * Returns true when {@link #generatorLoss} needs the logits on real samples (relativistic losses).
     *
     * @return true when {@link #generatorLoss} needs the logits on real samples (relativistic losses)
     */
    default boolean generatorUsesRealLogits() {
        return false;
    }

    /**
     * Returns true when the optimal discriminator's logit under this loss is log p_data(x) / p_G(x), as
     * for the binary cross-entropy of the non-saturating and minimax losses; discriminator rejection
     * sampling needs that.
     *
     * @return true when the optimal discriminator's logit under this loss is log p_data(x) / p_G(x), as for
     *     the binary cross-entropy of the non-saturating and minimax losses
     */
    default boolean logitEstimatesLogDensityRatio() {
        return false;
    }
}
