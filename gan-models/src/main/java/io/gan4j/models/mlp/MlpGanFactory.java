package io.gan4j.models.mlp;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.models.remedy.DiscriminatorRemedies;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code gan} variant: an unconditional GAN of {@link MlpNetworks} for vector data (toy
 * mixtures, standardized tables), with the {@link DiscriminatorRemedies} as options.
 */
public final class MlpGanFactory implements GanVariantFactory {

    @Override
    public String name() {
        return "gan";
    }

    @Override
    public String description() {
        return "GAN with MLP networks for vector data (toy mixtures, tables); PacGAN packing, minibatch-std and spectral-norm options";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>(List.of(
                OptionSpec.integer("latent", 8, 1, 4096, "size of the latent vector z"),
                OptionSpec.integer("hidden", 128, 4, 8192, "units of each hidden layer"),
                OptionSpec.integer("layers", 2, 1, 8, "hidden layers of each network"),
                OptionSpec.integer("d-hidden", 0, 0, 8192, "units of D's hidden layers (0: as hidden; PacGAN's toy D: 200 beside a G of 400)"),
                OptionSpec.integer("d-layers", 0, 0, 8, "hidden layers of D (0: as layers; PacGAN's toy networks: G 4, D 3)"),
                OptionSpec.bool("batch-norm", true, "batch norms in the generator's hidden layers"),
                OptionSpec.integer("maxout", 1, 1, 16, "D's hidden units take the maximum of this many linear pieces"
                        + " (maxout; PacGAN's toy D: 5) instead of LeakyReLU"),
                OptionSpec.real("scale", 1, 1e-6, 1e6, "networks work in units of this (e.g. the data's standard deviation):"
                        + " G's outputs are multiplied by it, D's inputs divided"),
                OptionSpec.real("init-std", 0, 0, 1, "every weight starts as N(0, std^2), biases at 0 (PacGAN's toy networks: 0.02);"
                        + " 0: U(+-1/sqrt(fan_in)), PyTorch's default")));
        options.addAll(DiscriminatorRemedies.options());
        return options;
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        int hidden = ctx.options().getInt("hidden");
        MlpNetworks.features(ctx.sampleShape());
        int layers = ctx.options().getInt("layers");
        double scale = ctx.options().getDouble("scale");
        SequentialBlock gBlock = MlpNetworks.generatorBlock(ctx.sampleShape(), hidden, layers, 0, ctx.options().getBoolean("batch-norm"));
        int maxout = ctx.options().getInt("maxout");
        int dHidden = orDefault(ctx.options().getInt("d-hidden"), hidden);
        int dLayers = orDefault(ctx.options().getInt("d-layers"), layers);
        SequentialBlock d = DiscriminatorRemedies.discriminator(ctx.options(), sn -> MlpNetworks.discriminatorTrunk(dHidden, dLayers, sn, maxout));
        if (scale != 1) {
            gBlock.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().mul((float) scale))));
            d = new SequentialBlock().add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().div((float) scale)))).add(d);
        }
        double initStd = ctx.options().getDouble("init-std");
        Initializer init = initStd > 0 ? new NormalInitializer((float) initStd) : MlpNetworks.initializer();
        gBlock.setInitializer(init, Parameter.Type.WEIGHT);
        d.setInitializer(init, Parameter.Type.WEIGHT);
        Generator g = Generator.of(gBlock, new Shape(ctx.options().getInt("latent")), ctx.sampleShape());
        return new AdversarialVariant(g, Discriminator.of(d, ctx.sampleShape()), ctx);
    }

    /** Returns {@code value}, or {@code fallback} when it is 0 ("as the generator"). */
    private static int orDefault(int value, int fallback) {
        return value == 0 ? fallback : value;
    }
}
