package io.gan4j.eval.sweep;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.gan4j.core.io.AtomicFiles;
import io.gan4j.core.io.Json;
import io.gan4j.eval.stats.MeanStd;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The summary of a sweep: one row per point ({@code summary.csv}), and per group of points that differ
 * only by {@code training.seed}, the mean ± standard deviation of every loss and metric over its seeds
 * ({@code summary.json}). The standard deviation is the population one (ddof 0, as {@code np.std}),
 * as in gan4j's other tables over seeds.
 *
 * @param points the points' results, in the sweep's order
 * @param groups the groups, in order of their first point
 */
public record SweepSummary(List<PointResult> points, List<Group> groups) {

    /**
     * Points that differ only by seed.
     *
     * @param settings the settings they share (without the seed)
     * @param points their ids
     * @param values mean ± std over the points of each loss and metric all of them have
     */
    public record Group(Map<String, Object> settings, List<String> points, Map<String, MeanStd> values) {}

    /** Summarizes results. */
    public static SweepSummary of(List<PointResult> results) {
        Map<String, List<PointResult>> byKey = new LinkedHashMap<>();
        for (PointResult r : results) {
            Map<String, Object> rest = new LinkedHashMap<>(r.settings());
            rest.remove(Sweep.SEED);
            byKey.computeIfAbsent(Json.line(rest), k -> new ArrayList<>()).add(r);
        }
        List<Group> groups = new ArrayList<>();
        for (List<PointResult> members : byKey.values()) {
            Map<String, Object> rest = new LinkedHashMap<>(members.get(0).settings());
            rest.remove(Sweep.SEED);
            Map<String, MeanStd> values = new LinkedHashMap<>();
            for (String name : values(members.get(0)).keySet()) {
                if (members.stream().allMatch(m -> values(m).containsKey(name))) {
                    values.put(name, MeanStd.of(members.stream().mapToDouble(m -> values(m).get(name)).toArray()));
                }
            }
            groups.add(new Group(rest, members.stream().map(PointResult::id).toList(), values));
        }
        return new SweepSummary(List.copyOf(results), groups);
    }

    /** A point's losses and metrics in one map. */
    static Map<String, Double> values(PointResult r) {
        Map<String, Double> all = new LinkedHashMap<>(r.losses());
        all.putAll(r.metrics());
        return all;
    }

    /** Writes {@code summary.csv} and {@code summary.json} into the directory, atomically. */
    public void write(Path dir) {
        Json.write(dir.resolve("summary.json"), this);
        AtomicFiles.write(dir.resolve("summary.csv"), csv().getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the CSV: id, each setting, step, each loss and metric, seconds training and evaluating. */
    public String csv() {
        Set<String> settings = new LinkedHashSet<>();
        Set<String> values = new LinkedHashSet<>();
        points.forEach(p -> {
            settings.addAll(p.settings().keySet());
            values.addAll(values(p).keySet());
        });
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).addColumn("id");
        settings.forEach(schema::addColumn);
        schema.addColumn("step");
        values.forEach(schema::addColumn);
        schema.addColumn("training_seconds").addColumn("evaluation_seconds");
        StringWriter text = new StringWriter();
        try (SequenceWriter w = new CsvMapper().writer(schema.build()).writeValues(text)) {
            for (PointResult p : points) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", p.id());
                settings.forEach(s -> row.put(s, p.settings().get(s)));
                row.put("step", p.step());
                values.forEach(v -> row.put(v, values(p).get(v)));
                row.put("training_seconds", p.trainingSeconds());
                row.put("evaluation_seconds", p.evaluationSeconds());
                w.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
