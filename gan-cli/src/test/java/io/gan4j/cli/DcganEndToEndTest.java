package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.train.GanTrainer;
import io.gan4j.core.config.RunSpec;
import io.gan4j.core.config.TrainingConfig;
import io.gan4j.eval.mmd.Mmd;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DCGAN on real MNIST, through the library and through the command line. */
final class DcganEndToEndTest {

    private static final int N = 400;

    @TempDir
    Path tmp;

    @Test
    void dcganLearnsMnistDigits() {
        PluginRegistry registry = Plugins.discover(null);
        Dataset mnist = registry.openDataset("mnist", 0);
        float[][] real = MnistRows.real(mnist, 0, N);
        float[][] heldOut = MnistRows.real(mnist, N, N);
        double sigma = Mmd.medianDistance(real, heldOut);
        RunSpec spec = new RunSpec("dcgan", Map.of(), "ns", Map.of(), "mnist", TrainingConfig.defaults(400, 64, 0));
        double[] untrained = new double[1];
        int[] liveArrays = new int[2];
        try (GanTrainer trainer = new GanTrainer(spec, registry.createVariant(spec, mnist), mnist, tmp.resolve("run"));
                NDManager m = NDManager.newBaseManager()) {
            trainer.addListener(e -> {
                if (e instanceof TrainingEvent.RunStarted) {
                    untrained[0] = Mmd.gaussian(MnistRows.generated(trainer, N, m), real, sigma);
                } else if (e instanceof TrainingEvent.StepCompleted s && (s.step() == 10 || s.step() == 400)) {
                    liveArrays[s.step() == 10 ? 0 : 1] = trainer.liveArrayCount();
                }
            });
            trainer.train();
            double trained = Mmd.gaussian(MnistRows.generated(trainer, N, m), real, sigma);
            double floor = Mmd.gaussian(heldOut, real, sigma);
            System.out.printf("pixel MMD^2 to real MNIST: untrained %.4f, trained %.4f, real held-out %.4f%n", untrained[0], trained, floor);
            assertThat(trained).isLessThan(untrained[0] / 4);
            assertThat(liveArrays[1]).as("arrays held by the trainer after 400 steps vs after 10").isEqualTo(liveArrays[0]);
        }
    }


    @Test
    void interruptedAndResumedRunEqualsTheStraightRunBitForBit() throws Exception {
        Path straight = tmp.resolve("straight");
        Path resumed = tmp.resolve("resumed");
        String[] common = {"-o", "width=16", "--batch", "32", "--seed", "7", "--checkpoint-every", "10", "--sample-every", "0"};
        assertThat(Cli.run(PluginDiscoveryTest.concat(new String[] {"train", "dcgan", "--steps", "24", "--out", straight.toString()}, common)).exitCode()).isZero();
        assertThat(Cli.run(PluginDiscoveryTest.concat(new String[] {"train", "dcgan", "--steps", "12", "--out", resumed.toString()}, common)).exitCode()).isZero();
        Cli resume = Cli.run("train", "--resume", resumed.toString(), "--steps", "24");
        assertThat(resume.exitCode()).as(resume.err()).isZero();
        assertThat(resume.err()).contains("steps 12..24");
        Map<String, float[]> a = NpzFiles.read(straight.resolve("model/networks.npz"));
        Map<String, float[]> b = NpzFiles.read(resumed.resolve("model/networks.npz"));
        // 14 generator + 10 discriminator tensors, BatchNorm running statistics included.
        assertThat(b.keySet()).isEqualTo(a.keySet()).hasSize(24).contains("generator/02BatchNorm_runningVar");
        a.forEach((name, values) -> assertThat(b.get(name)).as(name).containsExactly(values));

        // --step picks a kept checkpoint; the last one holds the final weights.
        Map<String, byte[]> drawn = new java.util.HashMap<>();
        for (String step : new String[] {"10", "24", ""}) {
            Path file = tmp.resolve("step" + step + ".npy");
            String[] args = {"sample", "--run", straight.toString(), "-n", "4", "--out", file.toString()};
            Cli sample = Cli.run(step.isEmpty() ? args : PluginDiscoveryTest.concat(args, new String[] {"--step", step}));
            assertThat(sample.exitCode()).as(sample.err()).isZero();
            assertThat(sample.out()).contains(step.isEmpty() ? "model" : "step-0000000" + step);
            drawn.put(step, Files.readAllBytes(file));
        }
        assertThat(drawn.get("24")).isEqualTo(drawn.get(""));
        assertThat(drawn.get("10")).isNotEqualTo(drawn.get("24"));
        Cli missing = Cli.run("eval", "--run", straight.toString(), "--step", "15", "-n", "8");
        assertThat(missing.exitCode()).as(missing.err()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("gan eval: error: run " + straight + " has no checkpoint at step 15 (checkpoints kept: 10, 20, 24)");
    }

    @Test
    void trainWritesTheRunDirectoryAndSampleDrawsAGrid() throws Exception {
        Path run = tmp.resolve("run");
        Cli train = Cli.run("train", "dcgan", "--steps", "20", "-o", "width=8", "--sample-every", "10", "--log-every", "5", "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.err()).contains("step 20/20 (100%)", "img/s", "eta", "d_loss=", "g_loss=");
        assertThat(run.resolve("samples/step-000000010.png")).isRegularFile();
        assertThat(run.resolve("samples/latest.png")).isRegularFile();
        assertThat(run.resolve("loss.png")).isRegularFile();
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).hasSize(4).allMatch(l -> l.contains("\"d_loss\"") && l.contains("images_per_sec"));
        assertThat(Files.readString(run.resolve("run.json"))).contains("\"variant\" : \"dcgan\"", "\"engine\" : \"MXNet");

        Path grid = tmp.resolve("grid.png");
        Cli sample = Cli.run("sample", "--run", run.toString(), "-n", "10", "--columns", "5", "--scale", "1", "--out", grid.toString());
        assertThat(sample.exitCode()).as(sample.err()).isZero();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(grid.toFile());
        assertThat(image.getWidth()).isEqualTo(2 + 5 * 30);
        assertThat(image.getHeight()).isEqualTo(2 + 2 * 30);
    }
}
