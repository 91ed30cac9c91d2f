package io.gan4j.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * An {@code AdversarialLoss} is a pair of pure functions from discriminator logits to the scalar
 * losses each player minimizes (TF-GAN style): no optimizer, no update order, no state.
 *
 * <p>Logits are raw discriminator outputs of any shape; results are scalars (mean over the batch).
 */
public interface AdversarialLoss {

    /** Returns the discriminator's loss given its logits on real and on generated samples. */
    NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits);

    /** Returns the generator's loss given the discriminator's logits on generated samples. */
    NDArray generatorLoss(NDArray fakeLogits);
}
