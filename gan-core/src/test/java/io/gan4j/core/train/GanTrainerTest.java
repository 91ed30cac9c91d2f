package io.gan4j.core.train;

import io.gan4j.core.config.AdamConfig;
import io.gan4j.core.config.TrainingConfig;
import io.gan4j.core.config.RunSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.event.MetricsLog;
import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.loss.TopK;
import io.gan4j.core.model.AdversarialVariant;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

final class GanTrainerTest {

    @TempDir
    Path tmp;

    private static TrainingSummary train(RunSpec spec, Dataset data, Path dir, List<TrainingEvent> events) {
        return train(spec, TinyGan.variant(), data, dir, events);
    }

    private static TrainingSummary train(RunSpec spec, AdversarialVariant gan, Dataset data, Path dir, List<TrainingEvent> events) {
        RunDirectory rd = new RunDirectory(dir);
        try (GanTrainer trainer = new GanTrainer(spec, gan, data, dir);
                MetricsLog log = new MetricsLog(rd.metricsLog(), rd.lossChart(), spec.training().logEvery(), m -> { })) {
            trainer.addListener(log).addListener(events::add);
            return trainer.train();
        }
    }

    private static Map<String, float[]> readNpz(Path file) throws Exception {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        try (NDManager m = NDManager.newBaseManager(); InputStream in = Files.newInputStream(file)) {
            for (NDArray a : NDList.decode(m, in)) {
                arrays.put(a.getName(), a.toFloatArray());
            }
        }
        return arrays;
    }

    /** A run with the generator average and gradient clipping on, which a checkpoint must also carry. */
    private static RunSpec averaged(long steps) {
        RunSpec plain = TinyGan.spec(steps, 10);
        TrainingConfig t = plain.training();
        return plain.withTraining(new TrainingConfig(t.steps(), t.batchSize(), t.discriminatorSteps(), t.seed(),
                new AdamConfig(1e-3, 0.5, 0.999, 1e-8, 0.5), t.learningRates(), t.logEvery(), t.sampleEvery(),
                t.checkpointEvery(), t.keepCheckpoints(), 0.9));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void resumedRunEndsBitIdenticalToAStraightRun(boolean averagedAndClipped) throws Exception {
        LongFunction<RunSpec> spec = steps -> averagedAndClipped ? averaged(steps) : TinyGan.spec(steps, 10);
        Dataset data = TinyGan.blob(100);
        Path straight = tmp.resolve("straight");
        Path resumed = tmp.resolve("resumed");
        train(spec.apply(30), data, straight, new ArrayList<>());
        train(spec.apply(15), data, resumed, new ArrayList<>());
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSummary summary = train(spec.apply(30), data, resumed, events);

        assertThat(summary.startStep()).isEqualTo(15);
        assertThat(((TrainingEvent.RunStarted) events.get(0)).startStep()).isEqualTo(15);
        Map<String, float[]> a = readNpz(straight.resolve("model/networks.npz"));
        Map<String, float[]> b = readNpz(resumed.resolve("model/networks.npz"));
        assertThat(a.keySet()).contains("generator/02BatchNorm_runningMean", "discriminator/01Linear_weight").isEqualTo(b.keySet());
        a.forEach((name, values) -> assertThat(b.get(name)).as(name).containsExactly(values));
        Map<String, float[]> oa = readNpz(new RunDirectory(straight).latestCheckpoint().orElseThrow().resolve(Checkpoints.OPTIMIZERS));
        Map<String, float[]> ob = readNpz(new RunDirectory(resumed).latestCheckpoint().orElseThrow().resolve(Checkpoints.OPTIMIZERS));
        oa.forEach((name, values) -> assertThat(ob.get(name)).as(name).containsExactly(values));
        if (averagedAndClipped) {
            // model/ holds the averaged generator, which differs from the trained one the checkpoint holds.
            Map<String, float[]> checkpoint = readNpz(new RunDirectory(straight).latestCheckpoint().orElseThrow()
                    .resolve(Checkpoints.NETWORKS));
            String weight = "01Linear_weight";
            assertThat(oa).containsKey(GeneratorAverage.PREFIX + weight);
            assertThat(a.get("generator/" + weight)).containsExactly(oa.get(GeneratorAverage.PREFIX + weight))
                    .isNotEqualTo(checkpoint.get("generator/" + weight));
            // Its batch norm's statistics are measured for the averaged weights W, b (standing statistics): the
            // first layer's outputs W·z + b, z ~ N(0, I), have mean b and variance |W_i|² per unit.
            float[] w = a.get("generator/" + weight);
            float[] bias = a.get("generator/01Linear_bias");
            float[] mean = a.get("generator/02BatchNorm_runningMean");
            float[] var = a.get("generator/02BatchNorm_runningVar");
            assertThat(mean).isNotEqualTo(oa.get(GeneratorAverage.PREFIX + "02BatchNorm_runningMean"));
            int inputs = w.length / bias.length;
            for (int i = 0; i < bias.length; i++) {
                double rowSquares = 0;
                for (int j = 0; j < inputs; j++) {
                    rowSquares += w[i * inputs + j] * w[i * inputs + j];
                }
                assertThat((double) mean[i]).as("mean of unit %d", i).isCloseTo(bias[i], within(0.06 * Math.sqrt(rowSquares)));
                assertThat((double) var[i]).as("variance of unit %d", i).isCloseTo(rowSquares, within(0.1 * rowSquares));
            }
        }
        // The log reads as one run: lines up to the resume step, then the continuation.
        List<String> lines = Files.readAllLines(resumed.resolve("metrics.jsonl"));
        assertThat(lines).hasSize(6);
        assertThat(lines.get(3)).startsWith("{\"step\":20,");
    }

    @Test
    void measuresStandingStatisticsFromTheConfiguredNumberOfSamples() throws Exception {
        RunSpec spec = averaged(10);
        Path dir = tmp.resolve("one-sample");
        train(spec.withTraining(spec.training().withStandingSamples(1)), TinyGan.blob(100), dir, new ArrayList<>());
        // One sample has zero (biased) variance in every unit; the default 50,000 give |W_i|² (test above).
        assertThat(readNpz(dir.resolve("model/networks.npz")).get("generator/02BatchNorm_runningVar")).containsOnly(0f);
        assertThat(spec.training().standingSamplesFor(1)).isEqualTo(50_000);
        assertThat(spec.training().standingSamplesFor(3)).isEqualTo(4000);
        assertThat(spec.training().withStandingSamples(600).standingSamplesFor(3)).isEqualTo(600);
        assertThatThrownBy(() -> spec.training().withStandingSamples(-1))
                .hasMessage("standing-statistics samples must be >= 0 (0: default), was -1");
    }

    @Test
    void updatesTheGeneratorAsOftenAsConfiguredPerStep() throws Exception {
        RunSpec once = TinyGan.spec(6, 0);
        RunSpec twice = once.withTraining(once.training().withGeneratorSteps(2));
        train(once, TinyGan.blob(100), tmp.resolve("once"), new ArrayList<>());
        train(twice, TinyGan.blob(100), tmp.resolve("twice"), new ArrayList<>());
        Map<String, Long> updates = Checkpoints.readState(new RunDirectory(tmp.resolve("twice")).latestCheckpoint().orElseThrow())
                .optimizerUpdates();
        assertThat(updates).containsEntry(AdversarialVariant.GENERATOR, 12L).containsEntry(AdversarialVariant.DISCRIMINATOR, 6L);
        String weight = "generator/01Linear_weight";
        assertThat(readNpz(tmp.resolve("twice/model/networks.npz")).get(weight))
                .isNotEqualTo(readNpz(tmp.resolve("once/model/networks.npz")).get(weight));
        // Run files written before the setting existed read as 0: one update.
        assertThat(once.training().withGeneratorSteps(0).generatorSteps()).isEqualTo(1);
        assertThatThrownBy(() -> once.training().withGeneratorSteps(-1)).hasMessage("generator steps must be > 0, was -1");
    }

    @Test
    void frozenGroupsKeepTheirWeightsWhileTheOthersTrain() throws Exception {
        RunSpec plain = TinyGan.spec(6, 0);
        for (String frozen : new String[] {AdversarialVariant.GENERATOR, AdversarialVariant.DISCRIMINATOR}) {
            RunSpec spec = plain.withTraining(plain.training().withFrozen(Set.of(frozen)));
            train(spec, TinyGan.blob(100), tmp.resolve(frozen), new ArrayList<>());
            Map<String, float[]> trained = readNpz(tmp.resolve(frozen + "/model/networks.npz"));
            train(plain.withTraining(plain.training().withSteps(1).withFrozen(Set.of(frozen))), TinyGan.blob(100),
                    tmp.resolve("start-" + frozen), new ArrayList<>());
            Map<String, float[]> initial = readNpz(tmp.resolve("start-" + frozen + "/model/networks.npz"));
            for (Map.Entry<String, float[]> e : trained.entrySet()) {
                // Batch-norm running statistics are not weights: a frozen generator runs in inference mode and keeps them too.
                if (e.getKey().startsWith(frozen + "/")) {
                    assertThat(e.getValue()).as(e.getKey()).containsExactly(initial.get(e.getKey()));
                }
            }
            String other = frozen.equals(AdversarialVariant.GENERATOR) ? "discriminator/01Linear_weight" : "generator/01Linear_weight";
            assertThat(trained.get(other)).isNotEqualTo(initial.get(other));
        }
        assertThat(plain.training().withFrozen(null).frozen()).isEmpty();
    }

    @Test
    void topKUpdatesChangeTheGeneratorFromTheEpochWhenKDropsBelowTheBatch() throws Exception {
        // 32 points in batches of 16: two steps per epoch. k = 16 in epoch 0, 8 from epoch 1 (gamma 0.5, nu 0.5).
        RunSpec spec = TinyGan.spec(2, 0);
        Dataset data = TinyGan.blob(32);
        String weight = "generator/01Linear_weight";
        Map<String, float[]> plain = new LinkedHashMap<>();
        Map<String, float[]> topK = new LinkedHashMap<>();
        for (long steps : new long[] {2, 4}) {
            RunSpec budget = spec.withTraining(spec.training().withSteps(steps));
            train(budget, TinyGan.variant(), data, tmp.resolve("plain" + steps), new ArrayList<>());
            train(budget, TinyGan.variant(new TopK(0.5, 0.5)), data, tmp.resolve("topk" + steps), new ArrayList<>());
            plain.put("" + steps, readNpz(tmp.resolve("plain" + steps + "/model/networks.npz")).get(weight));
            topK.put("" + steps, readNpz(tmp.resolve("topk" + steps + "/model/networks.npz")).get(weight));
        }
        assertThat(topK.get("2")).containsExactly(plain.get("2"));
        assertThat(topK.get("4")).isNotEqualTo(plain.get("4"));
    }

    @Test
    void keepsTheNewestCheckpointsOnlyAndWritesTheRunFiles() {
        Path dir = tmp.resolve("run");
        train(TinyGan.spec(30, 5), TinyGan.blob(100), dir, new ArrayList<>());
        RunDirectory rd = new RunDirectory(dir);
        assertThat(rd.listCheckpoints()).extracting(p -> p.getFileName().toString())
                .containsExactly("step-000000025", "step-000000030");
        assertThat(rd.runFile()).isRegularFile();
        assertThat(rd.lossChart()).isRegularFile();
        assertThat(rd.model().resolve(Checkpoints.NETWORKS)).isRegularFile();
        assertThat(Checkpoints.readState(rd.model()).step()).isEqualTo(30);
        assertThat(Checkpoints.readState(rd.model()).optimizerUpdates()).containsEntry("generator", 30L).containsEntry("discriminator", 30L);
    }

    @Test
    void refusesToContinueADifferentRun() {
        Path dir = tmp.resolve("run");
        train(TinyGan.spec(5, 0), TinyGan.blob(100), dir, new ArrayList<>());
        RunSpec other = TinyGan.spec(10, 0);
        RunSpec changed = new RunSpec(other.variant(), other.variantOptions(), "hinge", other.lossOptions(), other.data(), other.training());
        assertThatThrownBy(() -> train(changed, TinyGan.blob(100), dir, new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds a different run");
    }

    @Test
    void rejectsABatchLargerThanTheData() {
        assertThatThrownBy(() -> new GanTrainer(TinyGan.spec(5, 0), TinyGan.variant(), TinyGan.blob(10), tmp).close())
                .hasMessage("batch size 16 exceeds the 10 samples of blob");
    }

    @Test
    void learnsTheBlob() {
        Path dir = tmp.resolve("run");
        RunSpec spec = TinyGan.spec(800, 0, 5e-3);
        try (GanTrainer trainer = new GanTrainer(spec, TinyGan.variant(), TinyGan.blob(400), dir);
                NDManager m = NDManager.newBaseManager()) {
            trainer.addListener(e -> {
                if (e instanceof TrainingEvent.RunStarted) {
                    assertThat(meanDistance(trainer, m)).as("untrained").isGreaterThan(1.0);
                }
            });
            trainer.train();
            assertThat(meanDistance(trainer, m)).as("distance of the sample mean from the data mean").isLessThan(0.25);
        }
    }

    private static double meanDistance(GanTrainer trainer, NDManager m) {
        float[] xy = Sampling.generate(trainer.variant().generator().orElseThrow(), 500, 1, m).toFloatArray();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < xy.length; i += 2) {
            mx += xy[i];
            my += xy[i + 1];
        }
        return Math.hypot(mx / 500 + 3, my / 500 - 2);
    }
}
