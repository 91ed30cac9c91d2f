package io.gan4j.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Objects;

/**
 * A {@code Generator} is a network that maps a latent batch of shape (N, latentShape...) to
 * samples of shape (N, sampleShape...) in the data's range (images: [-1, 1], tanh output).
 *
 * <p>A <em>conditional</em> generator ({@link #numClasses()} &gt; 0) takes two inputs, the latent
 * batch and an int32 label batch of shape (N), and makes samples of the given classes.
 *
 * <p>The block is not initialized by its creator: the trainer initializes, checkpoints and restores
 * every network a variant declares.
 */
public interface Generator {

    /**
     * Returns the network.
     *
     * @return the network
     */
    Block block();

    /**
     * Returns the shape of one latent vector, without the batch axis.
     *
     * @return the shape of one latent vector, without the batch axis
     */
    Shape latentShape();

    /**
     * Returns the shape of one generated sample, without the batch axis.
     *
     * @return the shape of one generated sample, without the batch axis
     */
    Shape sampleShape();

    /**
     * Returns the number of classes it is conditioned on, 0 when it takes no labels.
     *
     * @return the number of classes it is conditioned on, 0 when it takes no labels
     */
    default int numClasses() {
        return 0;
    }

    /**
     * Returns the parts of the latent vector that training made meaningful and a user may set ({@link
     * LatentCode#fix}); none by default.
     *
     * @return the generator's named latent codes
     */
    default java.util.List<LatentCode> codes() {
        return java.util.List.of();
    }

    /**
     * Returns an unconditional generator made of the given parts.
     *
     * @param block the network
     * @param latentShape shape of one latent vector, without the batch axis
     * @param sampleShape shape of one generated sample, without the batch axis
     * @return an unconditional generator made of the given parts
     */
    static Generator of(Block block, Shape latentShape, Shape sampleShape) {
        return conditional(block, latentShape, sampleShape, 0);
    }

    /**
     * Returns a generator whose block takes (latent, labels) for {@code numClasses} classes (0: latent only).
     *
     * @param block the network
     * @param latentShape shape of one latent vector, without the batch axis
     * @param sampleShape shape of one generated sample, without the batch axis
     * @param numClasses number of classes it is conditioned on, 0 for none
     * @return a generator whose block takes (latent, labels) for {@code numClasses} classes (0: latent only)
     */
    static Generator conditional(Block block, Shape latentShape, Shape sampleShape, int numClasses) {
        Objects.requireNonNull(block, "block is null");
        Objects.requireNonNull(latentShape, "latentShape is null");
        Objects.requireNonNull(sampleShape, "sampleShape is null");
        if (numClasses < 0) {
            throw new IllegalArgumentException("numClasses must be >= 0, was " + numClasses);
        }
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

            @Override
            public int numClasses() {
                return numClasses;
            }
        };
    }
}
