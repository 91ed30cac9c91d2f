package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gan4j.core.io.Json;
import io.gan4j.eval.report.SavedEvaluations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run keeps every evaluation taken of it: during training ({@code --eval-every}) and by {@code gan eval --run}. */
final class SavedEvaluationsTest {

    @TempDir
    Path tmp;

    @Test
    void evaluationsAreSavedInTheRunWithTheirProtocolAndIndexed() throws Exception {
        Path run = tmp.resolve("run");
        Cli train = Cli.run("train", "dcgan", "--steps", "20", "--sample-every", "0", "--eval-every", "10", "--eval-count", "200",
                "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        Cli eval = Cli.run("eval", "--run", run.toString(), "-n", "300", "--metrics", "fid,kid", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.err()).contains("saved in " + run.resolve("evaluations"));
        Cli samples = Cli.run("eval", "--samples", "mnist", "--reference", "mnist", "-n", "100", "--metrics", "fid");
        assertThat(samples.exitCode()).isZero();  // measures files, not a run: nothing to save it in

        List<SavedEvaluations.Saved> saved = SavedEvaluations.list(run);
        assertThat(saved).extracting(SavedEvaluations.Saved::step).containsExactly(10L, 20L, 20L);
        assertThat(saved).extracting(SavedEvaluations.Saved::weights).containsExactly("training", "training", "model");
        // The numbers are the ones the run logged and the command printed.
        List<Double> logged = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode entry = Json.MAPPER.readTree(line);
            if (entry.has("fid")) {
                logged.add(entry.get("fid").asDouble());
            }
        }
        assertThat(saved.subList(0, 2)).extracting(s -> ((Number) s.report().metrics().get("fid")).doubleValue()).isEqualTo(logged);
        JsonNode printed = Json.MAPPER.readTree(eval.out());
        assertThat(((Number) saved.get(2).report().metrics().get("fid")).doubleValue()).isEqualTo(printed.path("metrics").path("fid").asDouble());
        assertThat(saved.get(2).report().protocol().weightsSha256()).isEqualTo(printed.path("protocol").path("weightsSha256").asText());
        assertThat(saved.get(2).report().protocol().nGenerated()).isEqualTo(300);

        JsonNode index = Json.MAPPER.readTree(run.resolve("evaluations/index.json").toFile());
        assertThat(index).hasSize(3);
        assertThat(index.get(2).path("metrics").path("fid").asDouble()).isEqualTo(printed.path("metrics").path("fid").asDouble());
        assertThat(index.get(2).path("metrics").path("kid").isNumber()).isTrue();  // mean of mean ± std
    }
}
