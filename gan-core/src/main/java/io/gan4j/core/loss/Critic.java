package io.gan4j.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@code Critic} is a discriminator seen as a differentiable function from samples to logits, as
 * gradient penalties need it: its network and how a batch of samples becomes the network's inputs
 * (labels, if any, bound).
 *
 * @param block the discriminator network; its first output is the logits
 * @param inputs turns a batch of samples into the network's inputs
 */
public record Critic(Block block, Function<NDArray, NDList> inputs) {

    /**
     * Checks the fields.
     *
     * @param block the discriminator network; its first output is the logits
     * @param inputs turns a batch of samples into the network's inputs
     */
    public Critic {
        Objects.requireNonNull(block, "block is null");
        Objects.requireNonNull(inputs, "inputs is null");
    }

    /** Returns the logits of {@code samples}, in training mode (as the penalties evaluate D while gradients are recorded). */
    NDArray apply(NDArray samples) {
        return block.forward(new ParameterStore(samples.getManager(), false), inputs.apply(samples), true).get(0);
    }
}
