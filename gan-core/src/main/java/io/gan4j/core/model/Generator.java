package io.gan4j.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Objects;

/**
 * A {@code Generator} is a network that maps a latent batch of shape (N, latentShape...) to
 * samples of shape (N, sampleShape...) in the data's range (images: [-1, 1], tanh output).
 *
 * <p>The block is not initialized by its creator: the trainer initializes, checkpoints and restores
 * every network a variant declares.
 */
public interface Generator {

    /** Returns the network. */
    Block block();

    /** Returns the shape of one latent vector, without the batch axis. */
    Shape latentShape();

    /** Returns the shape of one generated sample, without the batch axis. */
    Shape sampleShape();

    /** Returns a generator made of the given parts. */
    static Generator of(Block block, Shape latentShape, Shape sampleShape) {
        Objects.requireNonNull(block, "block is null");
        Objects.requireNonNull(latentShape, "latentShape is null");
        Objects.requireNonNull(sampleShape, "sampleShape is null");
        return new Generator() {
            @Override
            public Block block() {
                return block;
            }

            @Override
            public Shape latentShape() {
                return latentShape;
            }

            @Override
            public Shape sampleShape() {
                return sampleShape;
            }
        };
    }
}
