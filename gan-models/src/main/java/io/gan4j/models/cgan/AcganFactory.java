package io.gan4j.models.cgan;

import io.gan4j.core.engine.EngineCapability;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.OptionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code acgan} variant: {@link AuxiliaryClassifierGan} with the conditional networks. */
public final class AcganFactory implements GanVariantFactory {

    @Override
    public String name() {
        return "acgan";
    }

    @Override
    public String description() {
        return "ACGAN (Odena et al. 2017): conditional G, D with an auxiliary classifier head; images or tabular data";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>(ConditionalNetworks.commonOptions());
        options.add(OptionSpec.real("class-weight", 1.0, 0.0, 100.0, "weight of the auxiliary classification loss"));
        options.add(OptionSpec.bool("d-fake-class-loss", false,
                "also train D's classifier on generated samples, as Odena et al. (can make G and D agree on wrong classes)"));
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
        return new AuxiliaryClassifierGan(ConditionalNetworks.generator(ctx, k), ConditionalNetworks.auxiliaryClassifier(ctx, k),
                ctx, (float) ctx.options().getDouble("class-weight"), ctx.options().getBoolean("d-fake-class-loss"));
    }
}
