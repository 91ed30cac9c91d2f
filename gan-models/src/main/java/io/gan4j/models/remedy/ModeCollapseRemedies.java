package io.gan4j.models.remedy;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import io.gan4j.core.layer.MinibatchStdDev;
import io.gan4j.core.layer.Pack;
import io.gan4j.core.plugin.OptionSpec;
import io.gan4j.core.plugin.Options;
import java.util.List;

/**
 * {@code ModeCollapseRemedies} are the discriminator options against mode collapse that any
 * unconditional G/D variant can offer: PacGAN packing ({@code pack}, Lin et al. 2018) and a
 * minibatch standard-deviation feature ({@code minibatch-std}, Karras et al. 2018), added between
 * the discriminator's trunk and its output layer.
 */
public final class ModeCollapseRemedies {

    private ModeCollapseRemedies() {}

    /** Returns the options. */
    public static List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("pack", 1, 1, 16, "PacGAN: D judges this many samples at once (batch size must be a multiple)"),
                OptionSpec.bool("minibatch-std", false, "append the minibatch standard deviation to D's features before its output"));
    }

    /** Returns trunk → output with the chosen remedies: packing before the trunk, the statistic before the output. */
    public static SequentialBlock discriminator(Options options, Block trunk, Block output) {
        SequentialBlock d = new SequentialBlock();
        int pack = options.getInt("pack");
        if (pack > 1) {
            d.add(new Pack(pack));
        }
        d.add(trunk);
        if (options.getBoolean("minibatch-std")) {
            d.add(new MinibatchStdDev());
        }
        return d.add(output);
    }
}
