package org.example.plugins;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.OptionSpec;
import java.util.List;

/**
 * A generator against a discriminator: the plugin supplies the two networks, gan4j the rest (the
 * run's loss, penalty, DiffAugment, top-k updates, EMA, checkpoints).
 */
public final class MlpVariant implements GanVariantFactory {

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "two-layer MLP generator and discriminator for vector data (docs example)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.integer("hidden", 128, 8, 4096, "hidden units per layer"),
                OptionSpec.integer("latent", 8, 1, 512, "latent size"));
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        if (ctx.sampleShape().dimension() != 1) {
            throw new IllegalArgumentException("variant 'mlp' needs vector data, got samples of shape " + ctx.sampleShape());
        }
        // snippet networks
        int hidden = ctx.options().getInt("hidden");
        SequentialBlock g = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(ctx.sampleShape().get(0)).build());
        SequentialBlock d = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(1).build());
        Shape latent = new Shape(ctx.options().getInt("latent"));
        return new AdversarialVariant(Generator.of(g, latent, ctx.sampleShape()), Discriminator.of(d, ctx.sampleShape()), ctx);
        // end networks
    }
}
