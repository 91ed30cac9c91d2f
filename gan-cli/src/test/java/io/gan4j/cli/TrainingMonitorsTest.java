package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TrainingMonitorsTest {

    @TempDir
    Path tmp;

    @Test
    void periodicFidAndTheDiversityAlarmLandInTheMetricsLog() throws Exception {
        Path run = tmp.resolve("run");
        // A threshold of 2 (generated twice as diverse as real) cannot be met, so the alarm must fire.
        Cli train = Cli.run("train", "dcgan", "--steps", "20", "-o", "width=8", "--sample-every", "0", "--log-every", "10",
                "--eval-every", "10", "--eval-count", "300", "--alarm-every", "10", "--alarm-threshold", "2", "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.err()).contains("step 10: fid ", "step 20: fid ", "warning: possible mode collapse at step 10");
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertThat(lines).hasSize(2).allMatch(l -> l.contains("\"fid\":") && l.contains("\"diversity_ratio\":"));
        assertThat(run.resolve("best/networks.npz")).isRegularFile();
    }
}
