package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.engine.EngineChoice;
import io.gan4j.core.event.MetricsLog;
import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.config.AdamConfig;
import io.gan4j.core.train.GanTrainer;
import io.gan4j.core.config.Regularization;
import io.gan4j.core.config.RunSpec;
import io.gan4j.core.train.Sampling;
import io.gan4j.core.config.TrainingConfig;
import io.gan4j.eval.mmd.Mmd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The losses and regularizers train real networks: RaGAN with spectral norm, a generator average and
 * gradient clipping at once on MXNet; WGAN-GP on the PyTorch engine; DiffAugment from the command
 * line. A penalty on MXNet fails at start, naming the engine that can; on PyTorch it warns about memory.
 */
final class RegularizersTest {

    private static final int N = 300;

    @TempDir
    Path tmp;

    @AfterEach
    void backToTheDefault() {
        EngineChoice.use("mxnet");
    }

    /** Trains the run and returns pixel MMD² of (untrained, trained) samples against real rows. */
    private static double[] mmdBeforeAndAfter(RunSpec spec, Dataset data, Path dir, int width) {
        PluginRegistry registry = Plugins.discover(null);
        float[][] real = rows(data, 0, N, width);
        double sigma = Mmd.medianDistance(real, rows(data, N, N, width));
        double[] mmd = new double[2];
        try (GanTrainer trainer = new GanTrainer(spec, registry.createVariant(spec, data), data, dir);
                NDManager m = NDManager.newBaseManager()) {
            Supplier<Double> measure = () -> {
                double[] value = new double[1];
                trainer.withSamplingWeights(() -> {
                    try (NDManager scope = m.newSubManager()) {
                        float[] flat = Sampling.generate(trainer.variant().generator().orElseThrow(), N, 11, scope).toFloatArray();
                        value[0] = Mmd.gaussian(split(flat, width), real, sigma);
                    }
                });
                return value[0];
            };
            trainer.addListener(e -> {
                if (e instanceof TrainingEvent.RunStarted) {
                    mmd[0] = measure.get();
                }
            });
            trainer.train();
            mmd[1] = measure.get();
        }
        return mmd;
    }

    private static float[][] rows(Dataset d, int from, int n, int width) {
        float[][] rows = new float[n][width];
        for (int i = 0; i < n; i++) {
            d.read(from + i, rows[i], 0);
        }
        return rows;
    }

    private static float[][] split(float[] flat, int width) {
        float[][] rows = new float[flat.length / width][width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(flat, i * width, rows[i], 0, width);
        }
        return rows;
    }

    /**
     * WGAN-GP runs end to end on PyTorch with the penalty in the loop. That it learns the ring is not
     * asserted: at this budget G first spreads out (pixel MMD² 0.086 → 0.16 after 300 steps; see the
     * README's benchmark notes); the penalty's gradients are checked against finite differences in gan-core.
     */
    @Test
    void wganGpTrainsOnPytorchWithThePenaltyInTheLoop() throws Exception {
        EngineChoice.use("pytorch");
        Dataset ring = Plugins.discover(null).openDataset("ring8:2000", 0);
        TrainingConfig training = new TrainingConfig(100, 64, 5, 3, new AdamConfig(1e-4, 0.5, 0.9, 1e-8), Map.of(), 10, 0, 0, 1);
        RunSpec spec = new RunSpec("gan", Map.of(), "wgan", Map.of(), "ring8:2000", training,
                new Regularization("wgan-gp", Map.of(), ""));
        Path dir = tmp.resolve("wgan-gp");
        try (GanTrainer trainer = new GanTrainer(spec, Plugins.discover(null).createVariant(spec, ring), ring, dir);
                MetricsLog log = new MetricsLog(dir.resolve("metrics.jsonl"), dir.resolve("loss.png"), 10, m -> { })) {
            trainer.addListener(log).train();
        }
        List<String> lines = Files.readAllLines(dir.resolve("metrics.jsonl"));
        assertThat(lines).hasSize(10);
        for (String line : lines) {
            double penalty = Double.parseDouble(line.replaceAll(".*\"d_penalty\":([-0-9.eE]+).*", "$1"));
            assertThat(penalty).as(line).isPositive().isLessThan(100);
        }
    }

    @Test
    void relativisticLossWithSpectralNormAverageAndClippingLearnsTheRing() {
        Dataset ring = Plugins.discover(null).openDataset("ring8:2000", 0);
        TrainingConfig training = new TrainingConfig(N, 64, 1, 3, new AdamConfig(2e-4, 0.5, 0.999, 1e-8, 10), Map.of(), 10, 0, 0, 1,
                0.99);
        RunSpec spec = new RunSpec("gan", Map.of("spectral-norm", "true"), "ragan", Map.of(), "ring8:2000", training);
        double[] mmd = mmdBeforeAndAfter(spec, ring, tmp.resolve("ragan"), 2);
        System.out.printf("ragan + SN + EMA + clipping on mxnet: MMD^2 untrained %.4f, after %d steps %.4f%n", mmd[0], N, mmd[1]);
        assertThat(mmd[1]).isLessThan(mmd[0] / 4);
    }

    @Test
    void diffAugmentTrainsADcganFromTheCommandLine() throws Exception {
        Path run = tmp.resolve("augmented");
        Cli train = Cli.run("train", "dcgan", "-o", "width=8", "--augment", "color,translation,cutout", "--ema", "0.9", "--steps", "3",
                "--alarm-every", "0", "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(Files.readString(run.resolve("run.json"))).contains("\"augment\" : \"color,translation,cutout\"")
                .contains("\"emaDecay\" : 0.9");
    }

    @Test
    void topKUpdatesAreRecordedWithTheRunAndCheckedAtStart() throws Exception {
        // 64 points in batches of 16: from the second epoch (step 5) G learns from the best 8 of 16.
        Path run = tmp.resolve("topk");
        Cli train = Cli.run("train", "gan", "--data", "ring8:64", "--batch", "16", "--steps", "8", "--top-k", "0.5", "--top-k-gamma", "0.5",
                "--alarm-every", "0", "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(Files.readString(run.resolve("run.json")).replaceAll("\\s+", "")).contains("\"topK\":{\"nu\":0.5,\"gamma\":0.5}");
        Cli zero = Cli.run("train", "gan", "--data", "ring8:64", "--top-k", "0", "--out", tmp.resolve("zero").toString());
        assertThat(zero.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(zero.err().strip()).doesNotContain("\n").endsWith("topK (--top-k / --top-k-gamma): top-k fraction nu must be in (0, 1], was 0.0");
        Cli cycle = Cli.run("train", "cyclegan", "--a", "mnist", "--b", "mnist", "--top-k", "0.5", "--out", tmp.resolve("cycle").toString());
        assertThat(cycle.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(cycle.err()).contains("variant 'cyclegan' writes its own training step and does not honour top-k");
    }

    @Test
    void weightClippingKeepsTheCriticInItsBoxAndResumesExactly() throws Exception {
        String[] base = {"train", "gan", "--data", "ring8:2000", "--loss", "wgan", "--sample-every", "0", "--checkpoint-every", "20"};
        Path clipped = tmp.resolve("clipped");
        Cli train = Cli.run(concat(base, "--weight-clip", "0.01", "--steps", "40", "--out", clipped.toString()));
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(Files.readString(clipped.resolve("run.json"))).contains("\"weightClip\" : 0.01");
        Map<String, float[]> weights = NpzFiles.read(clipped.resolve("model/networks.npz"));
        float largest = 0;
        for (Map.Entry<String, float[]> e : weights.entrySet()) {
            if (e.getKey().startsWith("discriminator/")) {
                for (float v : e.getValue()) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
        }
        assertThat(largest).as("the critic's largest |weight|").isLessThanOrEqualTo(0.01f).isGreaterThan(0.0099f);
        // Without the clip, the same run's critic leaves the box: the test above is not vacuous.
        Cli free = Cli.run(concat(base, "--steps", "40", "--out", tmp.resolve("free").toString()));
        assertThat(free.exitCode()).as(free.err()).isZero();
        assertThat(NpzFiles.read(tmp.resolve("free/model/networks.npz")).entrySet().stream()
                .filter(e -> e.getKey().startsWith("discriminator/")).anyMatch(e -> {
                    for (float v : e.getValue()) {
                        if (Math.abs(v) > 0.011f) {
                            return true;
                        }
                    }
                    return false;
                })).isTrue();
        // Stopped at 20 and resumed to 40, the clipped run ends with the same weights, bit for bit.
        Path resumed = tmp.resolve("resumed");
        assertThat(Cli.run(concat(base, "--weight-clip", "0.01", "--steps", "20", "--out", resumed.toString())).exitCode()).isZero();
        Cli resume = Cli.run("train", "--resume", resumed.toString(), "--steps", "40");
        assertThat(resume.exitCode()).as(resume.err()).isZero();
        Map<String, float[]> again = NpzFiles.read(resumed.resolve("model/networks.npz"));
        assertThat(again.keySet()).isEqualTo(weights.keySet());
        weights.forEach((name, values) -> assertThat(again.get(name)).as(name).containsExactly(values));
        // A variant without a discriminator group cannot honour it, and says so before writing anything.
        Cli refused = Cli.run("train", "autoencoder", "--weight-clip", "0.01", "--steps", "2", "--out", tmp.resolve("ae").toString());
        assertThat(refused.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(refused.err()).contains("weightClip (--weight-clip) clips the 'discriminator' optimizer group; variant 'autoencoder' has");
        assertThat(tmp.resolve("ae")).doesNotExist();
        assertThat(Cli.run("train", "gan", "--data", "ring8", "--weight-clip", "-1", "--out", tmp.resolve("neg").toString()).err())
                .contains("weightClip (--weight-clip) must be a finite number >= 0 (0: off), was -1.0");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void penaltiesAreCheckedAgainstTheEngineAtStart() throws Exception {
        Cli train = Cli.run("train", "gan", "--data", "ring8:500", "--loss", "wgan", "--penalty", "wgan-gp", "--steps", "2",
                "--out", tmp.resolve("mx").toString());
        assertThat(train.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(train.err()).contains("'wgan-gp' needs higher-order gradients, which the MXNet engine lacks; run with --engine pytorch")
                .doesNotContain("Exception");
        assertThat(tmp.resolve("mx")).as("nothing is written for a refused run").doesNotExist();

        Cli pytorch = Cli.run("train", "gan", "--engine", "pytorch", "--data", "ring8:500", "--loss", "wgan", "--penalty", "wgan-gp",
                "--steps", "2", "--alarm-every", "0", "--out", tmp.resolve("pt").toString());
        assertThat(pytorch.exitCode()).as(pytorch.err()).isZero();
        assertThat(Files.readString(tmp.resolve("pt/run.json"))).contains("\"penalty\" : \"wgan-gp\"")
                .contains("\"discriminatorSteps\" : 5");
        // With PacGAN packs, the penalty interpolates real and fake batches after D has judged them in packs.
        Cli packed = Cli.run("train", "gan", "--engine", "pytorch", "--data", "ring8:500", "--loss", "wgan", "--penalty", "wgan-gp",
                "-o", "pack=2", "--steps", "2", "--alarm-every", "0", "--out", tmp.resolve("pt-pack").toString());
        assertThat(packed.exitCode()).as(packed.err()).isZero();

        Cli diverged = Cli.run("train", "gan", "--data", "ring8:500", "--lr", "1e30", "--steps", "5", "--out", tmp.resolve("nan").toString());
        assertThat(diverged.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(diverged.err()).contains("is NaN at step 0 (not finite)").contains("Lower the learning rate").doesNotContain("Exception");

        // A finite blow-up stops the run too, before anything of the diverged step is written.
        Path blown = tmp.resolve("blown");
        Cli finite = Cli.run("train", "gan", "--data", "ring8:500", "--lr", "1e6", "--steps", "200", "--checkpoint-every", "1",
                "--log-every", "1", "--out", blown.toString());
        assertThat(finite.exitCode()).as(finite.err()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(finite.err()).containsPattern("training diverged: the loss of optimizer group '\\w+' is \\S+ at step (\\d+) \\((beyond|not finite|\\d+ times the median)");
        long divergedAt = Long.parseLong(finite.err().replaceAll("(?s).* at step (\\d+) \\(.*", "$1"));
        assertThat(blown.resolve("model")).doesNotExist();
        for (String line : Files.readAllLines(blown.resolve("metrics.jsonl"))) {
            var entry = io.gan4j.core.io.Json.MAPPER.readTree(line);
            assertThat(entry.get("step").asLong()).isLessThanOrEqualTo(divergedAt);
            assertThat(Math.abs(entry.get("g_loss").asDouble())).isLessThan(1e6);
        }
        try (var checkpoints = Files.list(blown.resolve("checkpoints"))) {
            checkpoints.forEach(c -> {
                assertThat(io.gan4j.core.train.Checkpoints.verify(c)).as(c.toString()).isEmpty();
                assertThat(io.gan4j.core.train.Checkpoints.readState(c).step()).isLessThanOrEqualTo(divergedAt);
            });
        }

        Cli badAugment = Cli.run("train", "gan", "--data", "ring8:500", "--augment", "translation", "--steps", "2",
                "--out", tmp.resolve("aug").toString());
        assertThat(badAugment.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(badAugment.err()).contains("augmentation 'translation' needs images (C, H, W)");
    }
}
