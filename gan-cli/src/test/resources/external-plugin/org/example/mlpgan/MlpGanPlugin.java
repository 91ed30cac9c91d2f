package org.example.mlpgan;

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
import io.gan4j.core.plugin.GanPlugin;
import io.gan4j.core.spi.OptionSpec;
import java.util.List;

/** A third-party plugin, compiled by the test outside the project's modules: an MLP GAN for vectors. */
public final class MlpGanPlugin implements GanPlugin {

    @Override
    public List<GanVariantFactory> variants() {
        return List.of(new GanVariantFactory() {
            @Override
            public String name() {
                return "mlp-gan";
            }

            @Override
            public String description() {
                return "MLP generator and discriminator for vector data (external test plugin)";
            }

            @Override
            public List<OptionSpec> options() {
                return List.of(OptionSpec.integer("hidden", 128, 8, 4096, "hidden units per layer"),
                        OptionSpec.integer("latent", 8, 1, 512, "latent size"));
            }

            @Override
            public GanVariant create(VariantContext ctx) {
                if (ctx.sampleShape().dimension() != 1) {
                    throw new IllegalArgumentException("mlp-gan needs vector data, got " + ctx.sampleShape());
                }
                int hidden = ctx.options().getInt("hidden");
                SequentialBlock g = new SequentialBlock()
                        .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
                        .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
                        .add(Linear.builder().setUnits(ctx.sampleShape().get(0)).build());
                SequentialBlock d = new SequentialBlock()
                        .add(Linear.builder().setUnits(hidden).build()).add(Activation.leakyReluBlock(0.2f))
                        .add(Linear.builder().setUnits(hidden).build()).add(Activation.leakyReluBlock(0.2f))
                        .add(Linear.builder().setUnits(1).build());
                return new AdversarialVariant(Generator.of(g, new Shape(ctx.options().getInt("latent")), ctx.sampleShape()),
                        Discriminator.of(d, ctx.sampleShape()), ctx);
            }
        });
    }
}
