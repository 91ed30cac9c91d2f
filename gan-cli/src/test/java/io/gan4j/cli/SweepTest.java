package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gan4j.core.io.RunLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gan sweep}: 2 losses × 2 seeds × 50 steps, killed while it runs (two points at a time in
 * worker processes), then run again: only the missing points are completed, and the summary's mean ±
 * std over seeds are those computed here by hand from the runs' saved evaluations and logs.
 */
final class SweepTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> POINTS = List.of("loss=ns,seed=0", "loss=ns,seed=1", "loss=hinge,seed=0", "loss=hinge,seed=1");

    @TempDir
    Path tmp;

    @Test
    void anInterruptedSweepCompletesOnlyItsMissingPointsAndSummarizesOverSeeds() throws Exception {
        Path file = lossesSweep(tmp);
        Cli dry = Cli.run("sweep", file.toString(), "--dry-run");
        assertThat(dry.out().lines().limit(4).map(l -> l.split(" ")[0]).toList()).isEqualTo(POINTS);
        Path out = tmp.resolve("out");

        // Stopped (SIGTERM, as Ctrl-C) while its first point trains, one point at a time: a checkpoint at the current step.
        Process stopped = RunRobustnessTest.gan(tmp.resolve("stopped.log"), "sweep", file.toString(), "--out", out.toString(),
                "--parallel", "1");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!hasCheckpoint(out, POINTS.get(0))) {
            assertThat(stopped.isAlive()).as(Files.readString(tmp.resolve("stopped.log"))).isTrue();
            assertThat(System.nanoTime()).as("the sweep took too long").isLessThan(deadline);
            Thread.sleep(50);
        }
        stopped.destroy();
        assertThat(stopped.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(tmp.resolve("stopped.log"));
        assertThat(stopped.exitValue()).as(log).isEqualTo(128 + 15);
        assertThat(log).containsPattern("loss=ns,seed=0: stopped at step \\d+; checkpoint saved")
                .contains("the sweep was stopped with 0 of 4 points finished; run it again to complete the others");
        assertThat(finished(out)).isEmpty();

        // Killed (SIGKILL) once a point is finished and another is training, past its first checkpoint.
        Process sweep = RunRobustnessTest.gan(tmp.resolve("first.log"), "sweep", file.toString(), "--out", out.toString());
        while (!(finished(out).size() >= 1 && POINTS.stream().anyMatch(p -> !finished(out).contains(p) && hasCheckpoint(out, p)))) {
            assertThat(sweep.isAlive()).as(Files.readString(tmp.resolve("first.log"))).isTrue();
            assertThat(System.nanoTime()).as("the sweep took too long").isLessThan(deadline);
            Thread.sleep(50);
        }
        sweep.destroyForcibly().waitFor();
        // Its workers notice, save a checkpoint at their current step, and stop too.
        for (int i = 0; i < 1200 && POINTS.stream().anyMatch(p -> RunLock.isHeld(out.resolve("runs").resolve(p))); i++) {
            Thread.sleep(50);
        }
        assertThat(POINTS).noneMatch(p -> RunLock.isHeld(out.resolve("runs").resolve(p)));
        List<String> before = finished(out);
        assertThat(before).hasSizeBetween(1, 3);
        Map<String, String> results = new HashMap<>();
        for (String p : before) {
            results.put(p, Files.readString(out.resolve("points").resolve(p + ".json")));
        }

        // Run again, one point at a time in this process: only the missing points run.
        Cli again = Cli.run("sweep", file.toString(), "--out", out.toString(), "--parallel", "1");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("sweep: 4 points, " + before.size() + " finished before, " + (4 - before.size()) + " to run");
        assertThat(finished(out)).containsExactlyInAnyOrderElementsOf(POINTS);
        for (String p : before) {
            assertThat(Files.readString(out.resolve("points").resolve(p + ".json"))).as(p + " untouched").isEqualTo(results.get(p));
            assertThat(evaluations(out, p)).as(p + " evaluated once").hasSize(1);
        }
        // The point killed mid-training resumed from its checkpoint rather than starting over.
        boolean resumed = false;
        for (String p : POINTS) {
            JsonNode record = JSON.readTree(out.resolve("runs").resolve(p).resolve("run.json").toFile());
            resumed |= record.path("resumes").size() > 0 && record.path("resumes").get(0).path("fromStep").asLong() > 0;
            assertThat(evaluations(out, p)).hasSize(1);
        }
        assertThat(resumed).as("a killed point resumed from its checkpoint: " + again.err()).isTrue();

        // The summary: mean ± population std over the two seeds, by hand.
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("groups")).hasSize(2);
        for (JsonNode group : summary.path("groups")) {
            String loss = group.path("settings").path("loss").asText();
            double fid0 = fid(out, "loss=" + loss + ",seed=0");
            double fid1 = fid(out, "loss=" + loss + ",seed=1");
            assertThat(group.path("values").path("fid").path("mean").asDouble()).isCloseTo((fid0 + fid1) / 2, within(1e-9));
            assertThat(group.path("values").path("fid").path("std").asDouble()).isCloseTo(Math.abs(fid0 - fid1) / 2, within(1e-9));
            double g0 = lastLoss(out, "loss=" + loss + ",seed=0");
            double g1 = lastLoss(out, "loss=" + loss + ",seed=1");
            assertThat(group.path("values").path("g_loss").path("mean").asDouble()).isCloseTo((g0 + g1) / 2, within(1e-9));
            assertThat(group.path("values").path("g_loss").path("std").asDouble()).isCloseTo(Math.abs(g0 - g1) / 2, within(1e-9));
        }
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0)).startsWith("id,loss,training.seed,step,d_loss,g_loss,fid,kid,kid_std,");
        assertThat(csv.get(1)).startsWith("\"loss=ns,seed=0\",ns,0,50,").contains("," + fid(out, "loss=ns,seed=0") + ",");
        assertThat(out.resolve("report").resolve("index.html")).content().contains("loss=hinge,seed=1").contains("Mean ± std over seeds");
        assertThat(again.out()).contains("{loss=ns} (2 runs)").contains("{loss=hinge} (2 runs)");
    }

    @Test
    void aMisspeltKeyIsRefusedBeforeAnythingTrains() throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "config: {variant: dcgan}\ngrid:\n  training.sed: [0, 1]\n");
        Cli bad = Cli.run("sweep", file.toString(), "--out", tmp.resolve("out").toString());
        assertThat(bad.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(bad.err().strip()).startsWith("gan sweep: error: bad.yaml (point sed=0): unknown key 'training.sed'; valid keys there:")
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
        Files.writeString(file, "config: {variant: dcgan}\nbase: other.yaml\n");
        assertThat(Cli.run("sweep", file.toString()).err()).contains("give exactly one of 'base' (a config file) or 'config'");
    }

    /** Writes the 2 losses × 2 seeds sweep of 50-step DCGANs that the sweep tests run, and returns its file. */
    static Path lossesSweep(Path dir) throws java.io.IOException {
        Path file = dir.resolve("losses.yaml");
        Files.writeString(file, """
                config:
                  variant: dcgan
                  variantOptions: {width: 16}
                  training: {steps: 50, checkpointEvery: 10, sampleEvery: 25, logEvery: 5}
                grid:
                  loss: [ns, hinge]
                  training.seed: [0, 1]
                evaluation:
                  metrics: [fid, kid]
                  count: 300
                parallel: 2
                """);
        return file;
    }

    static List<String> finished(Path out) {
        Path points = out.resolve("points");
        if (!Files.isDirectory(points)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(points)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - 5)).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Whether the point is training: it has a checkpoint but no final model yet. */
    static boolean hasCheckpoint(Path out, String point) {
        if (Files.exists(out.resolve("runs").resolve(point).resolve("model"))) {
            return false;
        }
        Path checkpoints = out.resolve("runs").resolve(point).resolve("checkpoints");
        try (Stream<Path> dirs = Files.isDirectory(checkpoints) ? Files.list(checkpoints) : Stream.empty()) {
            return dirs.anyMatch(d -> Files.isRegularFile(d.resolve("state.json")));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static List<Path> evaluations(Path out, String point) throws Exception {
        try (Stream<Path> files = Files.list(out.resolve("runs").resolve(point).resolve("evaluations"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("step-")).toList();
        }
    }

    private static double fid(Path out, String point) throws Exception {
        return JSON.readTree(evaluations(out, point).get(0).toFile()).path("report").path("metrics").path("fid").asDouble();
    }

    private static double lastLoss(Path out, String point) throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("runs").resolve(point).resolve("metrics.jsonl"));
        return JSON.readTree(lines.get(lines.size() - 1)).path("g_loss").asDouble();
    }
}
