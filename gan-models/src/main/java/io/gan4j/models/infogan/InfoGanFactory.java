package io.gan4j.models.infogan;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.gan4j.core.engine.EngineCapability;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.LatentCode;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates {@link InfoGan}s with the paper's MNIST setting: 62 noise dimensions, one categorical code
 * of 10 values ({@code c1}), two continuous codes ({@code c2}, {@code c3}), λ = 1, and the run's
 * loss (non-saturating by default). The paper trains G at 1e-3 and D at 2e-4 ({@code --lr-for
 * generator=1e-3}).
 */
public final class InfoGanFactory implements GanVariantFactory {

    @Override
    public String name() {
        return "infogan";
    }

    @Override
    public String description() {
        return "InfoGAN (Chen et al. 2016): categorical and continuous latent codes learnt without labels"
                + " (gan sample --code c1=3,c2=0.5; gan classify)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("noise", 62, 1, 4096, "incompressible noise dimensions"),
                OptionSpec.integer("categories", 10, 2, 1000, "values of the categorical code c1"),
                OptionSpec.integer("continuous", 2, 0, 64, "continuous codes c2, c3, ..."),
                OptionSpec.real("info-weight", 1, 0, 100, "lambda, weight of the mutual-information term"));
    }

    /** The generator upsamples with transposed convolutions. */
    @Override
    public Set<EngineCapability> requires() {
        return Set.of(EngineCapability.TRANSPOSED_CONVOLUTION);
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        Shape data = ctx.sampleShape();
        if (data.dimension() != 3 || data.get(1) != data.get(2) || data.get(1) % 4 != 0) {
            throw new IllegalArgumentException("infogan makes square images whose side is divisible by 4 (e.g. 28x28), not samples " + data);
        }
        Options o = ctx.options();
        int noise = o.getInt("noise");
        int categories = o.getInt("categories");
        int continuous = o.getInt("continuous");
        List<LatentCode> codes = new ArrayList<>(List.of(new LatentCode("c1", noise, categories, true)));
        for (int i = 0; i < continuous; i++) {
            codes.add(new LatentCode("c" + (i + 2), noise + categories + i, 1, false));
        }
        Shape latent = new Shape(noise + categories + continuous);
        Block g = InfoGanNetworks.generator(data, noise, categories, continuous);
        Generator generator = new Generator() {
            @Override
            public Block block() {
                return g;
            }

            @Override
            public Shape latentShape() {
                return latent;
            }

            @Override
            public Shape sampleShape() {
                return data;
            }

            @Override
            public List<LatentCode> codes() {
                return codes;
            }
        };
        Discriminator discriminator = Discriminator.of(InfoGanNetworks.discriminator(categories + continuous), data);
        return new InfoGan(generator, discriminator, ctx, noise, categories, continuous, o.getDouble("info-weight"));
    }
}
