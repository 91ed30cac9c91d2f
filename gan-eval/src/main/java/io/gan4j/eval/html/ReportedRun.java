package io.gan4j.eval.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.gan4j.core.event.MetricsLog;
import io.gan4j.core.io.Json;
import io.gan4j.core.io.RunLock;
import io.gan4j.core.train.Checkpoints;
import io.gan4j.core.train.RunDirectory;
import io.gan4j.eval.report.SavedEvaluations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a report shows of one run, read from its directory alone and tolerant of a run still training:
 * a half-written last log line is skipped, files that appear later are simply not there yet.
 *
 * @param directory the run directory
 * @param record run.json as a tree (spec, provenance, plugins, resumes)
 * @param log metrics.jsonl's readable lines, each a map of numeric values by name
 * @param grids the sample grids by step, oldest first
 * @param evaluations the saved evaluations, oldest first
 * @param detect the last {@code gan detect} results in {@code RUN/detect/scores.json}, if any
 * @param status {@code finished}, {@code training} or {@code stopped}
 */
record ReportedRun(Path directory, JsonNode record, List<Map<String, Double>> log, Map<Long, Path> grids,
        List<SavedEvaluations.Saved> evaluations, Optional<JsonNode> detect, String status) {

    private static final Pattern GRID = Pattern.compile("step-(\\d+)\\.png");

    /**
     * Reads a run directory.
     *
     * @throws IllegalArgumentException when the directory holds no run
     */
    static ReportedRun read(Path directory) {
        RunDirectory dir = new RunDirectory(directory);
        if (!Files.isRegularFile(dir.runFile())) {
            throw new IllegalArgumentException(directory + " is not a run directory (no run.json)");
        }
        JsonNode record;
        try {
            record = Json.MAPPER.readTree(dir.runFile().toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(dir.runFile() + ": not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        Map<Long, Path> grids = new java.util.TreeMap<>();
        if (Files.isDirectory(dir.samples())) {
            try (Stream<Path> files = Files.list(dir.samples())) {
                files.forEach(f -> {
                    Matcher m = GRID.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        grids.put(Long.parseLong(m.group(1)), f);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir.samples(), e);
            }
        }
        Path scores = directory.resolve("detect").resolve("scores.json");
        Optional<JsonNode> detect = Optional.empty();
        if (Files.isRegularFile(scores)) {
            try {
                detect = Optional.of(Json.MAPPER.readTree(scores.toFile()));
            } catch (IOException e) {
                // being rewritten or damaged: the report shows the rest
            }
        }
        List<Map<String, Double>> log = MetricsLog.read(dir.metricsLog());
        long last = log.isEmpty() ? 0 : log.get(log.size() - 1).get("step").longValue();
        return new ReportedRun(directory, record, log, grids, SavedEvaluations.list(directory), detect,
                status(dir, record.path("spec").path("training").path("steps").asLong(), last));
    }

    /** Finished when the budget is logged and the final model written; training while a process holds the run. */
    private static String status(RunDirectory dir, long budget, long lastStep) {
        if (lastStep >= budget && Files.isRegularFile(dir.model().resolve(Checkpoints.STATE))) {
            return "finished";
        }
        if (RunLock.isHeld(dir.root())) {
            return "training";
        }
        return "stopped";
    }

    /** Returns the directory's name, which the report calls the run by. */
    String name() {
        return directory.getFileName().toString();
    }

    /** Returns the resolved spec. */
    JsonNode spec() {
        return record.path("spec");
    }

    /** Returns the step budget. */
    long budget() {
        return spec().path("training").path("steps").asLong();
    }

    /** Returns the last logged step, or 0. */
    long lastStep() {
        return log.isEmpty() ? 0 : log.get(log.size() - 1).get("step").longValue();
    }

    /** Returns the last logged value of each loss. */
    Map<String, Double> lastLosses() {
        return MetricsLog.lastLosses(log);
    }

    /** Returns the evaluation the comparison uses: the newest of the final model, else the newest at all. */
    Optional<SavedEvaluations.Saved> headlineEvaluation() {
        Optional<SavedEvaluations.Saved> model = evaluations.stream().filter(e -> e.weights().equals("model")).reduce((a, b) -> b);
        return model.isPresent() ? model : evaluations.stream().reduce((a, b) -> b);
    }
}
