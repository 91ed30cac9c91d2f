package io.gan4j.models.dcgan;

import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.plugin.OptionSpec;
import java.util.List;

/** The {@code dcgan} variant: {@link DcganNetworks} trained as an {@link AdversarialVariant}. */
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
        return List.of(
                OptionSpec.integer("latent", 100, 1, 4096, "size of the latent vector z"),
                OptionSpec.integer("width", 64, 4, 1024, "channels of the first discriminator / last generator stage"));
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        int latent = ctx.options().getInt("latent");
        int width = ctx.options().getInt("width");
        return new AdversarialVariant(
                DcganNetworks.generator(ctx.sampleShape(), latent, width),
                DcganNetworks.discriminator(ctx.sampleShape(), width),
                ctx.loss());
    }
}
