package io.gan4j.models.dcgan;

import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.initializer.NormalInitializer;
import io.gan4j.core.engine.EngineCapability;
import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.models.remedy.DiscriminatorRemedies;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code dcgan} variant: {@link DcganNetworks} trained as an {@link AdversarialVariant}, with the
 * {@link DiscriminatorRemedies} as options.
 */
public final class DcganFactory implements GanVariantFactory {

    @Override
    public String name() {
        return "dcgan";
    }

    @Override
    public String description() {
        return "DCGAN (Radford et al. 2016) for square 28/32/64-pixel images, 1-4 channels; 28x28 is the dcgan-mnist reference";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>(List.of(
                OptionSpec.integer("latent", 100, 1, 4096, "size of the latent vector z"),
                OptionSpec.integer("width", 64, 4, 1024, "channels of the first discriminator / last generator stage")));
        options.addAll(DcganLayout.options());
        options.addAll(DiscriminatorRemedies.options());
        return options;
    }

    /** Its generator upsamples with transposed convolutions (for images). */
    @Override
    public Set<EngineCapability> requires() {
        return Set.of(EngineCapability.TRANSPOSED_CONVOLUTION);
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        int latent = ctx.options().getInt("latent");
        int width = ctx.options().getInt("width");
        DcganLayout layout = DcganLayout.of(ctx.sampleShape(), ctx.options());
        Discriminator d = DcganNetworks.discriminator(layout, width);
        if (DiscriminatorRemedies.any(ctx.options()) || !DcganNetworks.criticBatchNorm(ctx, false)) {
            SequentialBlock remedied = DiscriminatorRemedies.discriminator(ctx.options(),
                    sn -> DcganNetworks.discriminatorTrunk(layout, width, sn, DcganNetworks.criticBatchNorm(ctx, sn)));
            remedied.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
            d = Discriminator.of(remedied, ctx.sampleShape());
        }
        return new AdversarialVariant(DcganNetworks.generator(layout, latent, width), d, ctx);
    }
}
