package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.inject.Plugins;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.train.Sampling;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.data.toy.ToyMixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PluginDiscoveryTest {

    @TempDir
    Path tmp;

    @Test
    void serviceLoaderFindsTheBuiltInPlugins() {
        PluginRegistry registry = Plugins.discover(null);
        assertThat(registry.variants()).containsKeys("dcgan");
        assertThat(registry.losses()).containsKeys("ns", "minimax", "lsgan", "hinge");
        assertThat(registry.datasets()).containsKeys("mnist", "idx", "ring8", "grid25");
        Cli list = Cli.run("list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("dcgan", "width", "hinge", "idx:IMAGES[,LABELS]");
    }

    @Test
    void aPluginCompiledOutsideTheProjectIsDiscoveredAndTrains() throws Exception {
        Path plugins = PluginJars.build("docs-plugin", "org.example.plugins.ExamplePlugin", tmp);
        Cli list = Cli.run("list", "--plugins", plugins.toString());
        assertThat(list.out()).contains("mlp", "docs example", "hidden");

        Path before = tmp.resolve("one-step");
        Path after = tmp.resolve("trained");
        String[] common = {"--plugins", plugins.toString(), "--data", "ring8:4000", "--batch", "128", "--lr", "1e-3", "--seed", "1"};
        assertThat(Cli.run(concat(new String[] {"train", "mlp", "--steps", "1", "--out", before.toString()}, common)).exitCode()).isZero();
        Cli trained = Cli.run(concat(new String[] {"train", "mlp", "--steps", "1500", "--out", after.toString()}, common));
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(after.resolve("samples/latest.png")).as("2-D samples are drawn as a scatter plot").isRegularFile();

        PluginRegistry registry = Plugins.discover(plugins);
        double untrained = meanDistanceToNearestMode(registry, before);
        double learned = meanDistanceToNearestMode(registry, after);
        assertThat(untrained).isGreaterThan(0.5);
        // 1,500 steps is early for ring-8 (its quality is a benchmark, not this test): require a clear move toward the modes.
        assertThat(learned).as("mean distance to the nearest ring mode after training").isLessThan(untrained * 0.75);
    }

    private static double meanDistanceToNearestMode(PluginRegistry registry, Path run) {
        ToyMixture ring = ToyMixture.ring8();
        try (TrainedModel model = TrainedModel.load(registry, run)) {
            float[] xy = Sampling.generate(model.generator(), 1000, 3, model.manager()).toFloatArray();
            double total = 0;
            for (int i = 0; i < xy.length; i += 2) {
                double best = Double.MAX_VALUE;
                for (double[] c : ring.centers()) {
                    best = Math.min(best, Math.hypot(xy[i] - c[0], xy[i + 1] - c[1]));
                }
                total += best;
            }
            return total / 1000;
        }
    }

    @Test
    void duplicateNamesFailAtStartNamingBothPlugins() throws Exception {
        Path plugins = PluginJars.build("duplicate-plugin", "org.example.dup.DuplicateLossPlugin", tmp);
        Cli list = Cli.run("list", "--plugins", plugins.toString());
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err().strip()).isEqualTo("gan list: error: duplicate loss name 'ns' from plugins "
                + "io.gan4j.core.plugin.StandardLossesPlugin and org.example.dup.DuplicateLossPlugin");
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

}
