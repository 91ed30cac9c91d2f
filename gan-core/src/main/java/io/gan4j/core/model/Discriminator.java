package io.gan4j.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Objects;

/**
 * A {@code Discriminator} is a network that maps a batch of samples (N, inputShape...) to raw
 * logits (N, 1) (or a patch of logits); losses turn logits into objectives.
 *
 * <p>A <em>conditional</em> discriminator ({@link #numClasses()} &gt; 0) takes the samples and an
 * int32 label batch of shape (N) (e.g. a projection discriminator). A discriminator may return more
 * outputs than the logits, such as an auxiliary classifier's class logits; the first is the logits.
 */
public interface Discriminator {

    /**
     * Returns the network.
     *
     * @return the network
     */
    Block block();

    /**
     * Returns the shape of one input sample, without the batch axis.
     *
     * @return the shape of one input sample, without the batch axis
     */
    Shape inputShape();

    /**
     * Returns the number of classes whose labels it takes as a second input, 0 when it takes none.
     *
     * @return the number of classes whose labels it takes as a second input, 0 when it takes none
     */
    default int numClasses() {
        return 0;
    }

    /**
     * Checks that this discriminator takes what the generator makes: samples of its input shape and,
     * when both are conditional, labels of the same classes.
     *
     * @param generator the generator whose samples the discriminator judges
     * @throws IllegalArgumentException saying what differs
     */
    default void checkFits(Generator generator) {
        if (!generator.sampleShape().equals(inputShape())) {
            throw new IllegalArgumentException("generator makes " + generator.sampleShape() + " but discriminator takes " + inputShape());
        }
        if (generator.numClasses() > 0 && numClasses() > 0 && generator.numClasses() != numClasses()) {
            throw new IllegalArgumentException("generator knows " + generator.numClasses() + " classes but discriminator " + numClasses());
        }
    }

    /**
     * Returns an unconditional discriminator made of the given parts.
     *
     * @param block the network
     * @param inputShape shape of one input sample, without the batch axis
     * @return an unconditional discriminator made of the given parts
     */
    static Discriminator of(Block block, Shape inputShape) {
        return conditional(block, inputShape, 0);
    }

    /**
     * Returns a discriminator whose block takes (samples, labels) for {@code numClasses} classes (0: samples only).
     *
     * @param block the network
     * @param inputShape shape of one input sample, without the batch axis
     * @param numClasses number of classes it is conditioned on, 0 for none
     * @return a discriminator whose block takes (samples, labels) for {@code numClasses} classes (0: samples only)
     */
    static Discriminator conditional(Block block, Shape inputShape, int numClasses) {
        Objects.requireNonNull(block, "block is null");
        Objects.requireNonNull(inputShape, "inputShape is null");
        if (numClasses < 0) {
            throw new IllegalArgumentException("numClasses must be >= 0, was " + numClasses);
        }
        return new Discriminator() {
            @Override
            public Block block() {
                return block;
            }

            @Override
            public Shape inputShape() {
                return inputShape;
            }

            @Override
            public int numClasses() {
                return numClasses;
            }
        };
    }
}
