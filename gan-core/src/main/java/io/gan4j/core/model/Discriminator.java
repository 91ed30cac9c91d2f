package io.gan4j.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Objects;

/**
 * A {@code Discriminator} is a network that maps a batch of samples (N, inputShape...) to raw
 * logits (N, 1) (or a patch of logits); losses turn logits into objectives.
 */
public interface Discriminator {

    /** Returns the network. */
    Block block();

    /** Returns the shape of one input sample, without the batch axis. */
    Shape inputShape();

    /** Returns a discriminator made of the given parts. */
    static Discriminator of(Block block, Shape inputShape) {
        Objects.requireNonNull(block, "block is null");
        Objects.requireNonNull(inputShape, "inputShape is null");
        return new Discriminator() {
            @Override
            public Block block() {
                return block;
            }

            @Override
            public Shape inputShape() {
                return inputShape;
            }
        };
    }
}
