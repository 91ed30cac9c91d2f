package io.gan4j.models.remedy;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.gan4j.core.layer.MinibatchStdDev;
import io.gan4j.core.layer.Pack;
import io.gan4j.core.layer.SpectralNorm;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import java.util.List;
import java.util.function.Function;

/**
 * {@code DiscriminatorRemedies} are the discriminator options against mode collapse and instability
 * that any unconditional G/D variant can offer: PacGAN packing ({@code pack}, Lin et al. 2018), a
 * minibatch standard-deviation feature ({@code minibatch-std}, Karras et al. 2018) before the output
 * layer, and spectral normalization of every weight layer ({@code spectral-norm}, Miyato et al. 2018).
 */
public final class DiscriminatorRemedies {

    private DiscriminatorRemedies() {}

    /** Returns the options. */
    public static List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("pack", 1, 1, 16, "PacGAN: D judges this many samples at once (batch size must be a multiple)"),
                OptionSpec.bool("minibatch-std", false, "append the minibatch standard deviation to D's features before its output"),
                OptionSpec.bool("spectral-norm", false, "spectral normalization of D's weight layers (SNGAN; D loses its batch norms)"));
    }

    /** Returns true when the options ask for any remedy. */
    public static boolean any(Options options) {
        return options.getInt("pack") > 1 || options.getBoolean("minibatch-std") || spectralNorm(options);
    }

    /** Returns true when the options ask for spectral normalization. */
    public static boolean spectralNorm(Options options) {
        return options.getBoolean("spectral-norm");
    }

    /**
     * Returns trunk → one-logit output with the chosen remedies: packing before the trunk, the statistic
     * before the output, spectral norm in the trunk (which {@code trunk} builds given the flag) and on
     * the output layer.
     */
    public static SequentialBlock discriminator(Options options, Function<Boolean, Block> trunk) {
        boolean sn = spectralNorm(options);
        SequentialBlock d = new SequentialBlock();
        int pack = options.getInt("pack");
        if (pack > 1) {
            d.add(new Pack(pack));
        }
        d.add(trunk.apply(sn));
        if (options.getBoolean("minibatch-std")) {
            d.add(new MinibatchStdDev());
        }
        Block output = Linear.builder().setUnits(1).build();
        return d.add(sn ? new SpectralNorm(output) : output);
    }
}
