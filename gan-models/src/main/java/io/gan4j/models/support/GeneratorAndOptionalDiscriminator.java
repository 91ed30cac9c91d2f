package io.gan4j.models.support;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.gan4j.core.model.Network;
import io.gan4j.core.model.OptimizerGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The networks of a variant that trains a generator against a discriminator, or the same generator
 * alone by a reconstruction loss (pix2pix and its L1 baseline, the context encoder and its L2 one,
 * SRGAN and SRResNet): networks "generator" and, when present, "discriminator", each in its own
 * optimizer group of the same name.
 *
 * @param generator the generator block
 * @param generatorInput the shape of one batch-of-1 input to the generator
 * @param discriminator the discriminator block, or null for the generator alone
 * @param discriminatorInput the shape of one batch-of-1 input to the discriminator, or null
 */
public record GeneratorAndOptionalDiscriminator(Block generator, Shape generatorInput, Block discriminator, Shape discriminatorInput) {

    /** The generator's network and optimizer group name. */
    public static final String GENERATOR = "generator";
    /** The discriminator's network and optimizer group name. */
    public static final String DISCRIMINATOR = "discriminator";

    /** Checks that the generator is given, and the discriminator's input shape when it is. */
    public GeneratorAndOptionalDiscriminator {
        Objects.requireNonNull(generator, "generator is null");
        Objects.requireNonNull(generatorInput, "generatorInput is null");
        if (discriminator != null) {
            Objects.requireNonNull(discriminatorInput, "discriminatorInput is null");
        }
    }

    /** Returns the networks to declare: the generator, then the discriminator if any. */
    public List<Network> networks() {
        List<Network> networks = new ArrayList<>(List.of(new Network(GENERATOR, generator, List.of(generatorInput))));
        if (discriminator != null) {
            networks.add(new Network(DISCRIMINATOR, discriminator, List.of(discriminatorInput)));
        }
        return networks;
    }

    /** Returns one optimizer group per network, named as it. */
    public List<OptimizerGroup> optimizerGroups() {
        return networks().stream().map(n -> new OptimizerGroup(n.name(), List.of(n.name()))).toList();
    }
}
