package io.gan4j.models.cgan;

import io.gan4j.core.engine.EngineCapability;
import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.OptionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code cgan} variant: a class-conditional GAN for labelled images or tabular vectors. G sees
 * the class through an embedding concatenated to z (Mirza &amp; Osindero 2014) or conditional batch
 * norm; D through a projection (Miyato &amp; Koyama 2018, the default) or one-hot concatenation.
 */
public final class ConditionalGanFactory implements GanVariantFactory {

    @Override
    public String name() {
        return "cgan";
    }

    @Override
    public String description() {
        return "conditional GAN for labelled images (DCGAN networks) or tabular data (MLPs); projection or concat D";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>(ConditionalNetworks.commonOptions());
        options.add(OptionSpec.choice("d-conditioning", "projection",
                "how D sees the class: projection (inner product with a class embedding) or concat (one-hot input channels)",
                "projection", "concat"));
        return options;
    }

    /** Its generator upsamples with transposed convolutions (for images). */
    @Override
    public Set<EngineCapability> requires() {
        return Set.of(EngineCapability.TRANSPOSED_CONVOLUTION);
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        int k = ConditionalNetworks.classes(name(), ctx);
        Discriminator d = ctx.options().getString("d-conditioning").equals("projection")
                ? ConditionalNetworks.projection(ctx, k)
                : ConditionalNetworks.concatenation(ctx, k);
        return new AdversarialVariant(ConditionalNetworks.generator(ctx, k), d, ctx);
    }
}
