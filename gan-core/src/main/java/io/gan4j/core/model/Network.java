package io.gan4j.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Objects;

/**
 * A {@code Network} is one named, trainable block of a variant together with the input shapes
 * (batch axis included) the trainer initializes it with.
 *
 * @param name unique within the variant, kebab-case; names the block's tensors in checkpoints
 * @param block the uninitialized block
 * @param inputShapes shapes of the inputs the block's forward takes, e.g. {@code [(1, 100)]}
 */
public record Network(String name, Block block, List<Shape> inputShapes) {

    /**
     * Checks the fields.
     *
     * @param name the network's name, unique within the variant (checkpoint file names use it)
     * @param block the uninitialized block
     * @param inputShapes shapes of the inputs the block's forward takes, e.g. {@code [(1, 100)]}
     */
    public Network {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(block, "block is null");
        inputShapes = List.copyOf(inputShapes);
        if (inputShapes.isEmpty()) {
            throw new IllegalArgumentException("network '" + name + "' needs at least one input shape");
        }
    }

    /**
     * Returns a network for a generator, initialized with one latent vector (and one label when conditional).
     *
     * @param name the network's name, unique within the variant (checkpoint file names use it)
     * @param generator the generator
     * @return a network for a generator, initialized with one latent vector (and one label when conditional)
     */
    public static Network of(String name, Generator generator) {
        return of(name, generator.block(), generator.latentShape(), generator.numClasses());
    }

    /**
     * Returns a network for a discriminator, initialized with one sample (and one label when conditional).
     *
     * @param name the network's name, unique within the variant (checkpoint file names use it)
     * @param discriminator the discriminator
     * @return a network for a discriminator, initialized with one sample (and one label when conditional)
     */
    public static Network of(String name, Discriminator discriminator) {
        return of(name, discriminator.block(), discriminator.inputShape(), discriminator.numClasses());
    }

    private static Network of(String name, Block block, Shape input, int numClasses) {
        Shape one = new Shape(1).addAll(input);
        return new Network(name, block, numClasses > 0 ? List.of(one, new Shape(1)) : List.of(one));
    }
}
