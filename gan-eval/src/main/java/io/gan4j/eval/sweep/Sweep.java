package io.gan4j.eval.sweep;

import io.gan4j.core.config.RunConfig;
import io.gan4j.core.config.RunConfigFile;
import io.gan4j.eval.run.GeneratorEvaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@code Sweep} is a set of runs that vary settings of one base config: every combination of a
 * {@code grid}, a list of {@code points}, or each listed point crossed with the grid. It is written as
 * a YAML (or JSON) file:
 * <pre>
 * base: base.yaml            # a config file, relative to this file (or a run.json); or inline:
 * config: {variant: dcgan, training: {steps: 2000}}
 * grid:                      # key paths of the config, each with its values
 *   loss: [ns, hinge]
 *   training.seed: [0, 1, 2]
 * points:                    # optional: explicit points, each crossed with the grid
 *   - {variantOptions.width: 32}
 *   - {variantOptions.width: 64}
 * evaluation:                # optional; gan eval's defaults when left out
 *   metrics: [fid, kid]
 *   count: 10000
 *   features: lenet-mnist
 * parallel: 1                # points trained at a time, the cores divided between them
 * </pre>
 * Every point's config is checked when the sweep is read, so a misspelt key stops the sweep before
 * anything trains.
 *
 * @param base the base config
 * @param points the points, in order
 * @param evaluation what to measure of each point's final model, or null to measure nothing
 * @param parallel points trained at a time
 */
public record Sweep(RunConfig base, List<SweepPoint> points, GeneratorEvaluation.Settings evaluation, int parallel) {

    /** The key path of the seed: points that differ only in it are grouped in the summary. */
    public static final String SEED = "training.seed";

    /** Checks the fields. */
    public Sweep {
        Objects.requireNonNull(base, "base is null");
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one point");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be >= 1, was " + parallel);
        }
        Set<String> ids = new HashSet<>();
        for (SweepPoint p : points) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("the sweep has the point " + p.id() + " twice");
            }
        }
    }

    /** The {@code evaluation} section of a sweep file. */
    record EvaluationSection(List<String> metrics, Integer count, String features, Map<String, String> featureOptions, Long seed,
            Path stackedClassifier) {}

    /** A sweep file as written. */
    record Document(String base, RunConfig config, LinkedHashMap<String, List<Object>> grid, List<LinkedHashMap<String, Object>> points,
            EvaluationSection evaluation, Integer parallel) {}

    /** The default samples per side of an evaluation (as {@code gan eval}). */
    public static final int DEFAULT_COUNT = 10_000;

    /**
     * Reads a sweep file.
     *
     * @param file the YAML or JSON file
     * @return the sweep
     * @throws IllegalArgumentException naming the file and the key at fault
     */
    public static Sweep read(Path file) {
        Document d = RunConfigFile.read(file, Document.class);
        if (d == null) {
            throw new IllegalArgumentException(file + ": empty; a sweep needs a base config (base: FILE or config: {...})");
        }
        if ((d.base() == null) == (d.config() == null)) {
            throw new IllegalArgumentException(file + ": give exactly one of 'base' (a config file) or 'config' (the config itself)");
        }
        RunConfig base;
        if (d.base() != null) {
            Path parent = file.toAbsolutePath().getParent();
            base = RunConfigFile.read(parent.resolve(d.base()));
        } else {
            base = d.config();
        }
        EvaluationSection e = d.evaluation();
        GeneratorEvaluation.Settings evaluation;
        if (e != null && e.metrics() != null && e.metrics().isEmpty()) {
            evaluation = null;
        } else {
            e = e != null ? e : new EvaluationSection(null, null, null, null, null, null);
            try {
                evaluation = new GeneratorEvaluation.Settings(e.features(), e.featureOptions(), e.metrics(), e.stackedClassifier(),
                        e.count() != null ? e.count() : DEFAULT_COUNT, e.seed() != null ? e.seed() : 0);
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException(file + ": evaluation: " + invalid.getMessage(), invalid);
            }
        }
        try {
            return of(base, d.grid() != null ? d.grid() : Map.of(), d.points() != null ? List.copyOf(d.points()) : List.of(), evaluation,
                    d.parallel() != null ? d.parallel() : 1, file.getFileName().toString());
        } catch (IllegalArgumentException invalid) {
            throw invalid.getMessage().startsWith(file.getFileName().toString()) ? invalid
                    : new IllegalArgumentException(file + ": " + invalid.getMessage(), invalid);
        }
    }

    /**
     * Makes a sweep from its parts.
     *
     * @param base the base config
     * @param grid values by key path; every combination is a point (the last key varies fastest)
     * @param points explicit points (settings by key path), each crossed with the grid; empty for the grid alone
     * @param evaluation what to measure of each point, or null for nothing
     * @param parallel points trained at a time
     * @param source names the sweep in error messages
     * @return the sweep
     * @throws IllegalArgumentException naming the key at fault
     */
    public static Sweep of(RunConfig base, Map<String, List<Object>> grid, List<? extends Map<String, Object>> points,
            GeneratorEvaluation.Settings evaluation, int parallel, String source) {
        List<Map<String, Object>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
            if (axis.getValue() == null || axis.getValue().isEmpty()) {
                throw new IllegalArgumentException("grid: '" + axis.getKey() + "' has no values");
            }
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> combo : combos) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> c = new LinkedHashMap<>(combo);
                    c.put(axis.getKey(), value);
                    next.add(c);
                }
            }
            combos = next;
        }
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> listed : points.isEmpty() ? List.<Map<String, Object>>of(Map.of()) : points) {
            for (Map<String, Object> combo : combos) {
                Map<String, Object> settings = new LinkedHashMap<>(listed);
                for (String key : combo.keySet()) {
                    if (settings.containsKey(key)) {
                        throw new IllegalArgumentException("'" + key + "' is set both by a listed point and by the grid");
                    }
                }
                settings.putAll(combo);
                all.add(settings);
            }
        }
        Map<String, String> labels = labels(all);
        List<SweepPoint> made = new ArrayList<>();
        for (Map<String, Object> settings : all) {
            String id = settings.isEmpty() ? "base" : settings.entrySet().stream()
                    .map(s -> labels.get(s.getKey()) + "=" + safe(String.valueOf(s.getValue())))
                    .collect(Collectors.joining(","));
            made.add(new SweepPoint(id, settings, RunConfigFile.withSettings(base, settings, source + " (point " + id + ")")));
        }
        return new Sweep(base, made, evaluation, parallel);
    }

    /** Returns each key's label in point ids: its last segment, or the whole path where two keys share a last segment. */
    private static Map<String, String> labels(List<Map<String, Object>> all) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        all.forEach(s -> keys.addAll(s.keySet()));
        Map<String, Long> lastCounts = keys.stream().collect(Collectors.groupingBy(Sweep::last, Collectors.counting()));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : keys) {
            labels.put(key, lastCounts.get(last(key)) > 1 ? safe(key) : safe(last(key)));
        }
        return labels;
    }

    private static String last(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** Keeps a value usable in a directory name on every file system. */
    private static String safe(String value) {
        String s = value.replaceAll("[^A-Za-z0-9._+-]", "_");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    /**
     * Returns a builder of a sweep over {@code base}, for Java programs (a file is read with {@link #read}).
     *
     * @param base the base config
     * @return the builder
     */
    public static Builder builder(RunConfig base) {
        return new Builder(base);
    }

    /** Builds a {@link Sweep} axis by axis. */
    public static final class Builder {
        private final RunConfig base;
        private final Map<String, List<Object>> grid = new LinkedHashMap<>();
        private final List<Map<String, Object>> points = new ArrayList<>();
        private GeneratorEvaluation.Settings evaluation = GeneratorEvaluation.Settings.defaults(DEFAULT_COUNT, 0);
        private int parallel = 1;

        private Builder(RunConfig base) {
            this.base = Objects.requireNonNull(base, "base is null");
        }

        /** Adds a grid axis: a key path and its values (the axis added last varies fastest). */
        public Builder optGrid(String key, Object... values) {
            grid.put(Objects.requireNonNull(key, "key is null"), List.of(values));
            return this;
        }

        /** Adds an explicit point (settings by key path); listed points are each crossed with the grid. */
        public Builder optPoint(Map<String, Object> settings) {
            points.add(new LinkedHashMap<>(settings));
            return this;
        }

        /** Sets what to measure of each point (default: gan eval's defaults on 10,000 samples per side); null measures nothing. */
        public Builder optEvaluation(GeneratorEvaluation.Settings settings) {
            this.evaluation = settings;
            return this;
        }

        /** Sets how many points train at a time (default 1). */
        public Builder optParallel(int points) {
            this.parallel = points;
            return this;
        }

        /** Returns the sweep, every point's config checked. */
        public Sweep build() {
            return of(base, grid, points, evaluation, parallel, "sweep");
        }
    }

    /** Returns where a sweep file's runs go unless told: {@code runs/} and the file's name without its extension. */
    public static Path defaultOutput(Path file) {
        return Path.of("runs", file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", ""));
    }

    /** Returns the point with this id. */
    public SweepPoint point(String id) {
        return points.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the sweep has no point " + id));
    }
}
