package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.eval.fid.FrechetDistance;
import io.gan4j.eval.fid.GaussianStatistics;
import io.gan4j.eval.npy.Npy;
import io.gan4j.eval.report.Features;
import io.gan4j.eval.samples.SampleSource;
import io.gan4j.eval.shards.DatasetStatistics;
import io.gan4j.eval.shards.SampleShards;
import io.gan4j.eval.shards.ShardedGeneration;
import io.gan4j.eval.spark.SparkConnection;
import io.gan4j.eval.spark.SparkGeneration;
import io.gan4j.eval.spark.SparkStatistics;
import io.gan4j.eval.spark.SparkSweepScheduler;
import io.gan4j.eval.sweep.Sweep;
import io.gan4j.eval.sweep.SweepRunner;
import io.gan4j.eval.sweep.SweepStoppedException;
import io.gan4j.eval.sweep.SweepSummary;
import io.gan4j.core.io.RunLock;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation and statistics on a real Spark in {@code local[2]}, started here: sample shards are the
 * same bytes for 1, 2 and 3 partitions and in a plain process, and equal {@code gan sample}'s; feature
 * statistics merged from Spark tasks give the single-process FID within 1e-9 relative on real MNIST; a
 * 4-point sweep whose points are Spark tasks, stopped midway, completes only its missing points when run again.
 */
final class SparkScaleTest {

    private static final List<String> MESSAGES = new ArrayList<>();
    private static SparkConnection spark;
    private static PluginRegistry registry;

    @TempDir
    static Path tmp;

    private static Path run;

    @BeforeAll
    static void start() {
        spark = SparkConnection.open("local[2]", "gan4j tests");
        registry = Plugins.discover(null);
        run = tmp.resolve("run");
        Cli train = Cli.run("train", "dcgan", "-o", "width=8", "--steps", "20", "--alarm-every", "0", "--sample-every", "0",
                "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void shardsAreTheSameBytesForAnyPartitionCountAndEqualGanSample() throws Exception {
        int count = 2300;  // shards of 500: four full ones and one of 300
        Map<String, byte[]> first = null;
        List<GaussianStatistics> statistics = new ArrayList<>();
        for (int partitions : new int[] {0, 1, 2, 3}) {
            Path out = tmp.resolve("shards-" + partitions);
            ShardedGeneration.Settings settings = ShardedGeneration.Settings.of(run, count, 7, out).withShardSize(500)
                    .withFeatures("lenet-mnist", Map.of());
            ShardedGeneration.Result result = partitions == 0 ? ShardedGeneration.run(settings, registry, n -> { })
                    : SparkGeneration.run(spark, settings, partitions, MESSAGES::add);
            assertThat(result.manifest().shards()).hasSize(5);
            assertThat(result.manifest().shards().get(4).count()).isEqualTo(300);
            statistics.add(result.statistics().orElseThrow());
            Map<String, byte[]> files = new java.util.TreeMap<>();
            for (SampleShards.Shard s : SampleShards.read(out).shards()) {
                files.put(s.file(), Files.readAllBytes(out.resolve(s.file())));
                assertThat(io.gan4j.core.io.Sha256.of(out.resolve(s.file()))).isEqualTo(s.sha256());
            }
            if (first == null) {
                first = files;
            } else {
                for (var e : first.entrySet()) {
                    assertThat(files.get(e.getKey())).as(e.getKey() + " with " + partitions + " partitions").isEqualTo(e.getValue());
                }
            }
        }
        // The concatenated shards are gan sample's samples for the same seed.
        Path all = tmp.resolve("all.npy");
        Cli sample = Cli.run("sample", "--run", run.toString(), "-n", String.valueOf(count), "--seed", "7", "--out", all.toString());
        assertThat(sample.exitCode()).as(sample.err()).isZero();
        double[] whole = Npy.read(all).values();
        List<Double> concatenated = new ArrayList<>();
        for (SampleShards.Shard s : SampleShards.read(tmp.resolve("shards-2")).shards()) {
            Arrays.stream(Npy.read(tmp.resolve("shards-2").resolve(s.file())).values()).forEach(concatenated::add);
        }
        assertThat(concatenated).hasSize(whole.length);
        for (int i = 0; i < whole.length; i++) {
            assertThat(concatenated.get(i)).as("value " + i).isEqualTo(whole[i]);
        }
        // Statistics merged over any split agree, and with those of all samples measured in one pass.
        GaussianStatistics onePass;
        try (TrainedModel model = TrainedModel.load(registry, run);
                FeatureNetwork network = registry.createFeatureNetwork("lenet-mnist", Map.of(), model.generator().sampleShape())) {
            onePass = GaussianStatistics.of(Features.extract(network, SampleSource.of(model.generator(), "g", count, 7), d -> { }).matrix());
        }
        for (GaussianStatistics s : statistics) {
            assertClose(s, statistics.get(0), 1e-12);
        }
        assertThat(MESSAGES).anyMatch(m -> m.contains("5 shard(s) of 500, 3 task(s) on local[2]"));
        GaussianStatistics saved = GaussianStatistics.load(tmp.resolve("shards-3").resolve("statistics-lenet-mnist.npz"), count);
        assertClose(saved, statistics.get(3), 0);
        assertThat(onePass.count()).isEqualTo(count);
    }

    @Test
    void fidFromSparkMergedStatisticsEqualsTheSingleProcessFid() throws Exception {
        DatasetStatistics.Settings real = DatasetStatistics.Settings.of("mnist", 10_000, "lenet-mnist").withSeed(3);
        GaussianStatistics spark3 = SparkStatistics.compute(spark, real, 3, MESSAGES::add);
        GaussianStatistics local = DatasetStatistics.compute(real, registry, n -> { });
        // gan eval's path: all features in memory, then their statistics.
        GaussianStatistics single;
        try (FeatureNetwork network = registry.createFeatureNetwork("lenet-mnist", Map.of(), new ai.djl.ndarray.types.Shape(1, 28, 28))) {
            single = GaussianStatistics.of(Features.extract(network,
                    SampleSource.of(registry.openDataset("mnist", 3), 10_000, 3), d -> { }).matrix());
        }
        assertThat(spark3.count()).isEqualTo(10_000);
        Path generated = tmp.resolve("fid-shards");
        GaussianStatistics fake = ShardedGeneration.run(ShardedGeneration.Settings.of(run, 2000, 1, generated)
                .withShardSize(1000).withFeatures("lenet-mnist", Map.of()), registry, n -> { }).statistics().orElseThrow();
        double expected = FrechetDistance.compute(single, fake);
        assertThat(expected).isGreaterThan(1);
        assertThat(FrechetDistance.compute(spark3, fake)).isCloseTo(expected, within(1e-9 * expected));
        assertThat(FrechetDistance.compute(local, fake)).isCloseTo(expected, within(1e-9 * expected));
        Path npz = tmp.resolve("mnist.npz");
        spark3.save(npz);
        assertThat(FrechetDistance.compute(GaussianStatistics.load(npz, 10_000), fake)).isCloseTo(expected, within(1e-9 * expected));
    }

    @Test
    void aSweepOnSparkStoppedMidwayResumesOnlyItsMissingPoints() throws Exception {
        Path file = SweepTest.lossesSweep(tmp);
        Sweep sweep = Sweep.read(file);
        Path out = tmp.resolve("sweep");
        SweepRunner first = new SweepRunner(registry, sweep, out).optScheduler(new SparkSweepScheduler(spark)).optMessages(MESSAGES::add);
        CompletableFuture<SweepSummary> running = CompletableFuture.supplyAsync(first::run);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!(SweepTest.finished(out).size() >= 1
                && SweepTest.POINTS.stream().anyMatch(p -> !SweepTest.finished(out).contains(p) && SweepTest.hasCheckpoint(out, p)))) {
            assertThat(running).as(String.join("\n", MESSAGES)).isNotDone();
            assertThat(System.nanoTime()).as("the sweep took too long").isLessThan(deadline);
            Thread.sleep(50);
        }
        first.stop();
        assertThatThrownBy(running::join).hasCauseInstanceOf(SweepStoppedException.class);
        for (int i = 0; i < 1200 && SweepTest.POINTS.stream().anyMatch(p -> RunLock.isHeld(out.resolve("runs").resolve(p))); i++) {
            Thread.sleep(50);  // the stopped workers save their checkpoints
        }
        List<String> before = SweepTest.finished(out);
        assertThat(before).hasSizeBetween(1, 3);
        Map<String, String> results = new java.util.HashMap<>();
        for (String p : before) {
            results.put(p, Files.readString(out.resolve("points").resolve(p + ".json")));
        }

        MESSAGES.clear();
        SweepSummary summary = new SweepRunner(registry, sweep, out).optScheduler(new SparkSweepScheduler(spark))
                .optMessages(MESSAGES::add).run();
        assertThat(MESSAGES).contains("sweep: 4 points, " + before.size() + " finished before, " + (4 - before.size())
                + " to run on Spark local[2] (2 task slot(s), 1 thread(s) per point)");
        assertThat(summary.points()).extracting(r -> r.id()).containsExactlyElementsOf(SweepTest.POINTS);
        assertThat(summary.groups()).hasSize(2);
        for (String p : before) {
            assertThat(Files.readString(out.resolve("points").resolve(p + ".json"))).as(p + " untouched").isEqualTo(results.get(p));
        }
        boolean resumed = false;
        for (String p : SweepTest.POINTS) {
            var record = new ObjectMapper().readTree(out.resolve("runs").resolve(p).resolve("run.json").toFile());
            resumed |= record.path("resumes").size() > 0 && record.path("resumes").get(0).path("fromStep").asLong() > 0;
            assertThat(out.resolve("logs").resolve(p + ".log")).exists();
        }
        assertThat(resumed).as("a stopped point resumed from its checkpoint").isTrue();
        assertThat(out.resolve("report").resolve("index.html")).exists();
    }

    @Test
    void theLibraryExampleJoinsTheRunningContext() {
        double fid = io.gan4j.examples.LibraryExamples.spark(run, tmp.resolve("example"));
        assertThat(fid).isGreaterThan(1);
        assertThat(tmp.resolve("example").resolve("shards").resolve("manifest.json")).exists();
        assertThat(tmp.resolve("example").resolve("mnist.npz")).exists();
        assertThat(spark.context().sc().isStopped()).as("the example closed only its own connection").isFalse();
    }

    @Test
    void badMastersAndTasksFailWithOneLineErrors() {
        assertThatThrownBy(() -> SparkConnection.open("local[two]", "x")).hasMessageContaining("--master 'local[two]' is not a Spark master");
        assertThatThrownBy(() -> SparkConnection.open("local[3]", "x")).hasMessageContaining("already runs Spark with master local[2]");
        Cli partitions = Cli.run("sample", "--run", run.toString(), "--partitions", "2", "--out", tmp.resolve("p").toString());
        assertThat(partitions.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(partitions.err().strip()).isEqualTo("gan sample: error: --partitions sets the tasks of a Spark job: give --master too");
        Cli shardSize = Cli.run("sample", "--run", run.toString(), "--shard-size", "700", "--out", tmp.resolve("p").toString());
        assertThat(shardSize.err().strip()).isEqualTo("gan sample: error: shard size must be a positive multiple of 500, was 700");
        Cli file = Cli.run("sample", "--run", run.toString(), "--shard-size", "500", "--out", tmp.resolve("p.npy").toString());
        assertThat(file.err().strip()).startsWith("gan sample: error: --out must name a directory for the shards");
        DatasetStatistics.Settings missing = DatasetStatistics.Settings.of("idx:" + tmp.resolve("nothing"), 100, "lenet-mnist");
        assertThatThrownBy(() -> SparkStatistics.compute(spark, missing, 2, MESSAGES::add)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing");
    }

    private static void assertClose(GaussianStatistics a, GaussianStatistics b, double relative) {
        assertThat(a.count()).isEqualTo(b.count());
        double scale = Arrays.stream(b.covariance().data).map(Math::abs).max().orElse(1);
        for (int i = 0; i < a.mean().length; i++) {
            assertThat(a.mean()[i]).isCloseTo(b.mean()[i], within(relative * scale + 1e-300));
        }
        for (int i = 0; i < a.covariance().data.length; i++) {
            assertThat(a.covariance().data[i]).isCloseTo(b.covariance().data[i], within(relative * scale + 1e-300));
        }
    }
}
