package io.gan4j.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gan4j.core.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code SavedEvaluations} keeps every evaluation of a run inside the run, so the run knows each
 * measurement ever taken of it: one JSON file per evaluation in {@code RUN/evaluations/} (the report
 * with its full protocol, the training step and which weights were measured), written atomically,
 * and {@code RUN/evaluations/index.json}, rebuilt from those files after each save (the files are the
 * record; the index is their summary).
 */
public final class SavedEvaluations {

    /** The directory inside a run. */
    public static final String DIRECTORY = "evaluations";
    /** The index file inside {@link #DIRECTORY}. */
    public static final String INDEX = "index.json";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * One saved evaluation.
     *
     * @param step the training step of the weights measured
     * @param weights which weights: {@code model}, a checkpoint directory name, or {@code training} for a
     *     measurement taken while the run trained
     * @param savedAt when it was saved, ISO-8601
     * @param report the report, with its protocol
     */
    public record Saved(long step, String weights, String savedAt, EvaluationReport report) {

        /** Checks the fields. */
        public Saved {
            Objects.requireNonNull(weights, "weights is null");
            Objects.requireNonNull(savedAt, "savedAt is null");
            Objects.requireNonNull(report, "report is null");
        }
    }

    private SavedEvaluations() {}

    /**
     * Saves a report in the run and rebuilds the run's index.
     *
     * @param run the run directory
     * @param step the training step of the weights measured
     * @param weights which weights were measured (see {@link Saved#weights()})
     * @param report the report
     * @return the saved file
     */
    public static Path save(Path run, long step, String weights, EvaluationReport report) {
        Instant now = Instant.now();
        Path dir = run.resolve(DIRECTORY);
        Path file = dir.resolve(String.format("step-%09d-%s.json", step, STAMP.format(now)));
        Json.write(file, new Saved(step, weights, now.toString(), report));
        writeIndex(run);
        return file;
    }

    /**
     * Returns the run's saved evaluations, oldest first. Files that cannot be read (damaged, or written
     * by another tool) are skipped.
     *
     * @param run the run directory
     * @return the evaluations
     */
    public static List<Saved> list(Path run) {
        List<Saved> all = new ArrayList<>();
        for (Path file : files(run)) {
            try {
                all.add(Json.MAPPER.readValue(file.toFile(), Saved.class));
            } catch (IOException e) {
                // a damaged file is not an evaluation; the others stand
            }
        }
        all.sort(Comparator.comparing(Saved::savedAt));
        return all;
    }

    /** Rewrites the index: per evaluation its file, step, weights, time, protocol summary and numeric metrics. */
    private static void writeIndex(Path run) {
        ArrayNode index = Json.MAPPER.createArrayNode();
        for (Path file : files(run)) {
            try {
                JsonNode saved = Json.MAPPER.readTree(file.toFile());
                ObjectNode entry = index.addObject();
                entry.put("file", file.getFileName().toString());
                entry.set("step", saved.get("step"));
                entry.set("weights", saved.get("weights"));
                entry.set("savedAt", saved.get("savedAt"));
                JsonNode protocol = saved.path("report").path("protocol");
                entry.set("featureNetwork", protocol.get("featureNetwork"));
                entry.set("nGenerated", protocol.get("nGenerated"));
                ObjectNode metrics = entry.putObject("metrics");
                for (Map.Entry<String, JsonNode> m : (Iterable<Map.Entry<String, JsonNode>>) () -> saved.path("report").path("metrics").fields()) {
                    if (m.getValue().isNumber()) {
                        metrics.set(m.getKey(), m.getValue());
                    } else if (m.getValue().path("mean").isNumber()) {
                        metrics.set(m.getKey(), m.getValue().get("mean"));
                    }
                }
            } catch (IOException e) {
                // skipped, as by list()
            }
        }
        Json.write(run.resolve(DIRECTORY).resolve(INDEX), index);
    }

    private static List<Path> files(Path run) {
        Path dir = run.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("step-") && f.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
