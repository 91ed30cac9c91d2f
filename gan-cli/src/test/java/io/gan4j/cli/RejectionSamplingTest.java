package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.io.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discriminator rejection sampling as a user runs it: train a GAN, fine-tune its discriminator against
 * the frozen generator ({@code --init-from R --freeze generator}), then evaluate with {@code --drs}. On
 * ring-8 after 1,000 steps the generator's modes are unevenly filled; rejection by the discriminator's
 * density-ratio estimate evens them out (reverse KL 0.026 → 0.007 when measured).
 */
final class RejectionSamplingTest {

    @TempDir
    Path tmp;

    @Test
    void aFineTunedDiscriminatorEvensOutTheModesOfARing() throws Exception {
        Path trained = tmp.resolve("trained");
        Path tuned = tmp.resolve("tuned");
        Cli train = Cli.run("train", "gan", "--data", "ring8:2000", "--steps", "1000", "--seed", "0", "--alarm-every", "0",
                "--out", trained.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        Cli tune = Cli.run("train", "gan", "--data", "ring8:2000", "--init-from", trained.toString(), "--freeze", "generator",
                "--steps", "500", "--seed", "0", "--alarm-every", "0", "--out", tuned.toString());
        assertThat(tune.exitCode()).as(tune.err()).isZero();

        // The frozen generator is bit-identical; the discriminator trained on.
        Map<String, float[]> before = NpzFiles.read(trained.resolve("model/networks.npz"));
        Map<String, float[]> after = NpzFiles.read(tuned.resolve("model/networks.npz"));
        before.forEach((name, values) -> {
            if (name.startsWith("generator/")) {
                assertThat(after.get(name)).as(name).containsExactly(values);
            }
        });
        assertThat(before.keySet().stream().filter(n -> n.startsWith("discriminator/")))
                .anySatisfy(name -> assertThat(after.get(name)).isNotEqualTo(before.get(name)));
        assertThat(Json.MAPPER.readTree(tuned.resolve("metrics.jsonl").toFile()).has("g_loss")).isFalse();

        double plain = reverseKl(Cli.run("eval", "--run", tuned.toString(), "-n", "2000", "--json"));
        Cli drs = Cli.run("eval", "--run", tuned.toString(), "-n", "2000", "--drs", "--json");
        assertThat(drs.err()).contains("rejection sampling: max logit");
        assertThat(reverseKl(drs)).isLessThan(plain / 2);
        assertThat(Cli.run("eval", "--run", tuned.toString(), "-n", "2000", "--drs", "--json").out()).isEqualTo(drs.out());
    }

    @Test
    void aWeightAverageOfAFrozenGeneratorStartsAtTheCopiedWeights() throws Exception {
        Path trained = tmp.resolve("trained");
        Path tuned = tmp.resolve("tuned");
        String[] common = {"--data", "ring8:500", "--seed", "0", "--ema", "0.9", "--alarm-every", "0", "--sample-every", "0"};
        Cli train = Cli.run(PluginDiscoveryTest.concat(new String[] {"train", "gan", "--steps", "50", "--out", trained.toString()}, common));
        assertThat(train.exitCode()).as(train.err()).isZero();
        Cli tune = Cli.run(PluginDiscoveryTest.concat(new String[] {"train", "gan", "--init-from", trained.toString(), "--freeze", "generator",
                "--steps", "20", "--out", tuned.toString()}, common));
        assertThat(tune.exitCode()).as(tune.err()).isZero();
        // The average of a constant generator is that generator (before the fix it still held 0.9^20 of the random start).
        Map<String, float[]> before = NpzFiles.read(trained.resolve("model/networks.npz"));
        Map<String, float[]> after = NpzFiles.read(tuned.resolve("model/networks.npz"));
        assertThat(before.keySet().stream().filter(n -> n.startsWith("generator/"))).isNotEmpty()
                .allSatisfy(name -> assertThat(after.get(name)).as(name).containsExactly(before.get(name)));
    }

    @Test
    void mistakesAreOneLineErrors() {
        Cli unknown = Cli.run("train", "gan", "--data", "ring8:64", "--freeze", "critic", "--steps", "2", "--out", tmp.resolve("a").toString());
        assertThat(unknown.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(unknown.err().strip()).doesNotContain("\n")
                .endsWith("cannot freeze unknown optimizer group 'critic'; this variant has [generator, discriminator]");
        Cli all = Cli.run("train", "gan", "--data", "ring8:64", "--freeze", "generator,discriminator", "--steps", "2",
                "--out", tmp.resolve("b").toString());
        assertThat(all.err().strip()).endsWith("every optimizer group is frozen [generator, discriminator]: nothing would train");

        Path hinge = tmp.resolve("hinge");
        assertThat(Cli.run("train", "gan", "--data", "ring8:64", "--loss", "hinge", "--steps", "2", "--alarm-every", "0",
                "--out", hinge.toString()).exitCode()).isZero();
        Cli wrongLoss = Cli.run("eval", "--run", hinge.toString(), "-n", "100", "--drs");
        assertThat(wrongLoss.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(wrongLoss.err().strip()).doesNotContain("\n").endsWith("--drs needs a discriminator whose logit estimates"
                + " log p_data/p_G (e.g. loss ns); run " + hinge + " was trained with loss 'hinge'");
        Path ns = tmp.resolve("ns");
        assertThat(Cli.run("train", "gan", "--data", "ring8:64", "--steps", "2", "--alarm-every", "0", "--out", ns.toString()).exitCode())
                .isZero();
        Cli badPercentile = Cli.run("eval", "--run", ns.toString(), "-n", "100", "--drs", "120");
        assertThat(badPercentile.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(badPercentile.err().strip()).endsWith("the rejection percentile must be in [0, 100], got 120.0");
    }

    @Test
    void sampleDrawsAGridThroughTheDiscriminator() throws Exception {
        Path run = tmp.resolve("digits");
        Cli train = Cli.run("train", "dcgan", "-o", "width=8", "--steps", "3", "--ema", "0.9", "--alarm-every", "0",
                "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        Path png = tmp.resolve("drs.png");
        Cli sample = Cli.run("sample", "--run", run.toString(), "-n", "16", "--drs", "50", "--out", png.toString());
        assertThat(sample.exitCode()).as(sample.err()).isZero();
        assertThat(sample.err()).contains("note: run " + run + " samples from its generator weight average")
                .contains("rejection sampling: max logit");
        Path plainPng = tmp.resolve("plain.png");
        assertThat(Cli.run("sample", "--run", run.toString(), "-n", "16", "--out", plainPng.toString()).exitCode()).isZero();
        BufferedImage drs = ImageIO.read(png.toFile());
        BufferedImage plain = ImageIO.read(plainPng.toFile());
        assertThat(drs.getWidth()).isEqualTo(plain.getWidth());
        assertThat(drs.getHeight()).isEqualTo(plain.getHeight());
        assertThat(Files.readAllBytes(png)).isNotEqualTo(Files.readAllBytes(plainPng));

        // A conditional run: calibrated in MNIST's class proportions, one grid row per class as without --drs.
        Path conditional = tmp.resolve("conditional");
        assertThat(Cli.run("train", "cgan", "--data", "mnist", "-o", "width=8", "--steps", "3", "--alarm-every", "0",
                "--out", conditional.toString()).exitCode()).isZero();
        Path rows = tmp.resolve("rows.png");
        Cli perClass = Cli.run("sample", "--run", conditional.toString(), "--drs", "--out", rows.toString());
        assertThat(perClass.exitCode()).as(perClass.err()).isZero();
        assertThat(perClass.out()).contains("wrote 80 samples");
    }

    private static double reverseKl(Cli eval) throws Exception {
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        Map<?, ?> metrics = (Map<?, ?>) Json.MAPPER.readValue(eval.out(), Map.class).get("metrics");
        return ((Number) metrics.get("reverse_kl")).doubleValue();
    }
}
