package io.gan4j.eval.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.gan4j.core.config.BuildInfo;
import io.gan4j.core.io.AtomicFiles;
import io.gan4j.core.io.Json;
import io.gan4j.eval.report.SavedEvaluations;
import io.gan4j.eval.stats.MeanStd;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A {@code RunReport} is a static HTML page about one or more runs, made from their directories alone
 * (so it can be rebuilt at any time, also while a run trains) and self-contained: {@code OUT/index.html}
 * with its CSS, charts (inline SVG) and a few lines of script inside, and the sample grids copied to
 * {@code OUT/images/}; it opens from a file on an offline machine. It shows
 * <ul>
 * <li>a comparison table: each run's status, step, the settings that differ between runs, last losses
 *     and the metrics of its newest saved evaluation; and, for runs that differ only by seed, mean ±
 *     standard deviation over the seeds (population, ddof 0);</li>
 * <li>every logged series (losses, diversity ratio, FID during training) as a chart with the runs overlaid,
 *     and the saved evaluations' metrics over steps;</li>
 * <li>per run: the sample grids over training (a slider and a strip) and the final grid; the saved
 *     evaluations; the mode-collapse alarm's events; the class histogram against the data's; the
 *     anomaly scores of {@code gan detect} with their threshold and ROC; the resolved configuration,
 *     provenance and plugins.</li>
 * </ul>
 */
public final class RunReport {

    /** The most sample grids copied per run; longer histories are thinned evenly, keeping the last. */
    public static final int MAX_GRIDS = 60;

    private static final Set<String> NOT_CHARTED = Set.of("step", "epoch", "ms_per_step", "images_per_sec");
    private static final String SEED = "training.seed";
    private static final String ALARM = "collapse-alarm";

    private final List<ReportedRun> runs;
    /** Each run's resolved spec as key paths, and its table values (last losses, headline metrics): read once. */
    private final List<Map<String, String>> settings;
    private final List<Map<String, Double>> values;
    private String title;

    private RunReport(List<ReportedRun> runs) {
        this.runs = runs;
        this.settings = runs.stream().map(r -> flatten(r.spec())).toList();
        this.values = runs.stream().map(RunReport::values).toList();
    }

    /**
     * Reads the runs.
     *
     * @param directories run directories, in the order to show them
     * @return the report, ready to {@link #write}
     * @throws IllegalArgumentException naming a directory that holds no run
     */
    public static RunReport of(List<Path> directories) {
        if (directories.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run directory");
        }
        return new RunReport(directories.stream().map(ReportedRun::read).toList());
    }

    /**
     * Returns the run directories a path names: itself when it holds a run, else the runs directly inside
     * it or inside its {@code runs/} (a sweep's output: in the sweep's order), else by name.
     *
     * @param path a run directory, a sweep's output or a directory of runs
     * @return the run directories
     * @throws IllegalArgumentException when the path holds no run
     */
    public static List<Path> findRuns(Path path) {
        if (Files.isRegularFile(path.resolve("run.json"))) {
            return List.of(path);
        }
        for (Path dir : List.of(path.resolve("runs"), path)) {
            if (Files.isDirectory(dir)) {
                try (java.util.stream.Stream<Path> children = Files.list(dir)) {
                    List<Path> runs = children.filter(c -> Files.isRegularFile(c.resolve("run.json"))).sorted().toList();
                    if (!runs.isEmpty()) {
                        return inSweepOrder(path, runs);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir, e);
                }
            }
        }
        throw new IllegalArgumentException(path + " holds no run (no run.json in it, in its subdirectories or in its runs/)");
    }

    /** Orders a sweep's runs as its {@code sweep.json} lists its points (others after them). */
    private static List<Path> inSweepOrder(Path sweep, List<Path> runs) {
        Path file = sweep.resolve("sweep.json");
        if (!Files.isRegularFile(file)) {
            return runs;
        }
        List<String> order = new ArrayList<>();
        try {
            Json.MAPPER.readTree(file.toFile()).path("points").forEach(p -> order.add(p.path("id").asText()));
        } catch (IOException e) {
            return runs;
        }
        return runs.stream().sorted(java.util.Comparator.comparingInt(r -> {
            int i = order.indexOf(r.getFileName().toString());
            return i < 0 ? Integer.MAX_VALUE : i;
        })).toList();
    }

    /** Sets the page title (default: the run's name, or "N runs"). */
    public RunReport optTitle(String title) {
        this.title = Objects.requireNonNull(title, "title is null");
        return this;
    }

    /**
     * Writes {@code index.html} and {@code images/} into {@code out} (the page atomically, last).
     *
     * @return the page
     */
    public Path write(Path out) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
        List<String> names = uniqueNames();
        List<String> varied = variedSettings();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", title != null ? title : runs.size() == 1 ? "gan4j run " + names.get(0) : "gan4j report: " + runs.size() + " runs");
        page.put("generatedAt", Instant.now().toString());
        page.put("gan4j", BuildInfo.current().toString());
        page.put("varied", varied.isEmpty() ? null : String.join(", ", varied));
        List<Map<String, Object>> runRows = new ArrayList<>();
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ReportedRun run = runs.get(i);
            Map<String, Object> base = identity(i, names.get(i));
            runRows.add(base);
            sections.add(section(run, i, names.get(i), base, out));
        }
        page.put("runs", runRows);
        page.putAll(comparison(names, varied));
        page.put("groups", groups(names, varied));
        page.put("charts", logCharts(names));
        List<Map<String, Object>> evaluationCharts = evaluationCharts(names);
        page.put("evaluationCharts", evaluationCharts);
        page.put("hasEvaluationCharts", !evaluationCharts.isEmpty());
        page.put("sections", sections);
        Mustache template = new DefaultMustacheFactory("io/gan4j/eval/html").compile("report.mustache");
        StringWriter html = new StringWriter();
        template.execute(html, page);
        Path index = out.resolve("index.html");
        AtomicFiles.write(index, html.toString().getBytes(StandardCharsets.UTF_8));
        return index;
    }

    /** What every view says of run {@code i}: name, anchor, colour, status, step, budget and path. */
    private Map<String, Object> identity(int i, String name) {
        ReportedRun run = runs.get(i);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("name", name);
        identity.put("anchor", "run-" + i);
        identity.put("color", SvgChart.PALETTE[i % SvgChart.PALETTE.length]);
        identity.put("status", run.status());
        identity.put("step", run.lastStep());
        identity.put("budget", run.budget());
        identity.put("path", run.directory().toAbsolutePath().normalize().toString());
        return identity;
    }

    /** Names runs by directory, with the parent's name where two directories share a name. */
    private List<String> uniqueNames() {
        Map<String, Long> counts = runs.stream().collect(Collectors.groupingBy(ReportedRun::name, Collectors.counting()));
        List<String> names = new ArrayList<>();
        for (ReportedRun r : runs) {
            Path parent = r.directory().toAbsolutePath().normalize().getParent();
            String name = counts.get(r.name()) > 1 && parent != null ? parent.getFileName() + "/" + r.name() : r.name();
            while (names.contains(name)) {
                name = name + "'";
            }
            names.add(name);
        }
        return names;
    }

    /** Flattens a spec to key paths (training.adam.learningRate) and their values as text. */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> flat = new TreeMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                flatten(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), out);
            }
        } else {
            out.put(path, node.isTextual() ? node.asText() : node.toString());
        }
    }

    /** Returns the key paths whose values differ between the runs. */
    private List<String> variedSettings() {
        Set<String> keys = new java.util.TreeSet<>();
        settings.forEach(f -> keys.addAll(f.keySet()));
        return keys.stream().filter(k -> settings.stream().map(f -> f.get(k)).distinct().count() > 1).toList();
    }

    /** The last losses and the headline evaluation's scalar metrics of a run, by column name. */
    private static Map<String, Double> values(ReportedRun run) {
        Map<String, Double> values = new LinkedHashMap<>(run.lastLosses());
        run.headlineEvaluation().ifPresent(e -> values.putAll(e.report().scalars()));
        return values;
    }

    private Map<String, Object> comparison(List<String> names, List<String> varied) {
        Set<String> columns = new LinkedHashSet<>();
        values.forEach(v -> columns.addAll(v.keySet()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ReportedRun run = runs.get(i);
            Map<String, String> flat = settings.get(i);
            Map<String, Double> values = this.values.get(i);
            List<Map<String, Object>> cells = new ArrayList<>();
            for (String key : varied) {
                cells.add(Map.of("text", flat.getOrDefault(key, "—"), "key", key, "value", flat.getOrDefault(key, "")));
            }
            for (String column : columns) {
                Double v = values.get(column);
                cells.add(Map.of("text", v == null ? "—" : SvgChart.num(v), "key", column, "value", v == null ? "" : Double.toString(v),
                        "numeric", true));
            }
            Map<String, Object> row = identity(i, names.get(i));
            row.put("evaluated", run.headlineEvaluation().map(e -> e.report().protocol().featureNetwork() + ", "
                    + e.report().protocol().nGenerated() + " samples, " + e.weights() + " at step " + e.step()).orElse("—"));
            row.put("cells", cells);
            rows.add(row);
        }
        List<String> header = new ArrayList<>(varied);
        header.addAll(columns);
        return Map.of("header", header, "rows", rows);
    }

    /**
     * Mean ± std over seeds of runs whose specs differ only by training.seed, as one table (a row per
     * group), when there are such groups.
     */
    private Map<String, Object> groups(List<String> names, List<String> varied) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Map<String, String> flat = new TreeMap<>(settings.get(i));
            flat.remove(SEED);
            byKey.computeIfAbsent(flat.toString(), k -> new ArrayList<>()).add(i);
        }
        if (byKey.values().stream().noneMatch(g -> g.size() > 1)) {
            return null;
        }
        Set<String> columns = new LinkedHashSet<>();
        values.forEach(v -> v.keySet().stream().filter(c -> !c.endsWith("_std")).forEach(columns::add));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Integer> members : byKey.values()) {
            Map<String, String> flat = settings.get(members.get(0));
            String label = varied.stream().filter(k -> !k.equals(SEED)).map(k -> k + "=" + flat.getOrDefault(k, "—"))
                    .collect(Collectors.joining(", "));
            List<Map<String, Object>> cells = new ArrayList<>();
            for (String column : columns) {
                double[] xs = members.stream().map(m -> values.get(m).get(column)).filter(Objects::nonNull)
                        .mapToDouble(Double::doubleValue).toArray();
                if (xs.length == members.size()) {
                    MeanStd m = MeanStd.of(xs);
                    cells.add(Map.of("key", column, "text", SvgChart.num(m.mean()) + " ± " + SvgChart.num(m.std()),
                            "mean", Double.toString(m.mean()), "std", Double.toString(m.std())));
                } else {
                    cells.add(Map.of("key", column, "text", "—", "mean", "", "std", ""));
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", label.isEmpty() ? "all runs" : label);
            row.put("n", members.size());
            row.put("members", members.stream().map(names::get).collect(Collectors.joining(", ")));
            row.put("seeds", members.stream().map(m -> settings.get(m).getOrDefault(SEED, "?")).collect(Collectors.joining(", ")));
            row.put("cells", cells);
            rows.add(row);
        }
        return Map.of("header", new ArrayList<>(columns), "rows", rows);
    }

    /** One chart per logged series (losses first), the runs overlaid. */
    private List<Map<String, Object>> logCharts(List<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> r.log().forEach(row -> row.keySet().stream().filter(k -> k.endsWith("_loss")).forEach(keys::add)));
        runs.forEach(r -> r.log().forEach(row -> row.keySet().stream().filter(k -> !NOT_CHARTED.contains(k)).forEach(keys::add)));
        List<Map<String, Object>> charts = new ArrayList<>();
        for (String key : keys) {
            List<SvgChart.Series> series = new ArrayList<>();
            Set<Double> thresholds = new LinkedHashSet<>();
            for (int i = 0; i < runs.size(); i++) {
                List<Map<String, Double>> rows = runs.get(i).log().stream().filter(r -> r.containsKey(key)).toList();
                if (!rows.isEmpty()) {
                    series.add(new SvgChart.Series(names.get(i), SvgChart.PALETTE[i % SvgChart.PALETTE.length],
                            rows.stream().mapToDouble(r -> r.get("step")).toArray(), rows.stream().mapToDouble(r -> r.get(key)).toArray()));
                }
                if (key.equals("diversity_ratio")) {
                    alarmThreshold(runs.get(i)).ifPresent(thresholds::add);
                }
            }
            List<SvgChart.Rule> rules = thresholds.stream().map(t -> SvgChart.Rule.horizontal("alarm threshold " + SvgChart.num(t), t)).toList();
            String what = key.endsWith("_loss") ? " (mean per log interval)" : key.equals("diversity_ratio")
                    ? " (sample diversity / real)" : " (measured in training)";
            boolean smooth = key.endsWith("_loss");
            if (smooth && series.stream().anyMatch(x -> x.x().length > SvgChart.SMOOTH_ABOVE)) {
                what += "; solid: smoothed";
            }
            charts.add(Map.of("svg", SvgChart.lines(key + what, "step", series, rules, smooth)));
        }
        return charts;
    }

    /**
     * The saved evaluations' scalar metrics over steps (of checkpoints and models; those taken while
     * training are in the training curves), for metrics some run measured at two or more steps.
     */
    private List<Map<String, Object>> evaluationCharts(List<String> names) {
        Map<String, List<SvgChart.Series>> byMetric = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Map<String, List<double[]>> points = new LinkedHashMap<>();
            for (SavedEvaluations.Saved e : runs.get(i).evaluations()) {
                if (e.weights().equals("training")) {
                    continue;  // logged in metrics.jsonl too, and charted from there
                }
                e.report().scalars().forEach((name, v) -> {
                    if (!name.endsWith("_std")) {
                        points.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {e.step(), v});
                    }
                });
            }
            int run = i;
            points.forEach((name, xy) -> {
                xy.sort((a, b) -> Double.compare(a[0], b[0]));
                byMetric.computeIfAbsent(name, k -> new ArrayList<>()).add(new SvgChart.Series(names.get(run),
                        SvgChart.PALETTE[run % SvgChart.PALETTE.length], xy.stream().mapToDouble(p -> p[0]).toArray(),
                        xy.stream().mapToDouble(p -> p[1]).toArray()));
            });
        }
        List<Map<String, Object>> charts = new ArrayList<>();
        byMetric.forEach((name, series) -> {
            if (series.stream().anyMatch(s -> s.x().length > 1)) {
                charts.add(Map.of("svg", SvgChart.lines(name + " (saved evaluations)", "step", series, List.of())));
            }
        });
        return charts;
    }

    private static java.util.Optional<Double> alarmThreshold(ReportedRun run) {
        JsonNode t = run.spec().path("monitors").path(ALARM).path("threshold");
        try {
            return t.isMissingNode() ? java.util.Optional.empty() : java.util.Optional.of(Double.parseDouble(t.asText()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The per-run section: grids, evaluations, alarm events, class histogram, anomaly scores, config and provenance. */
    private Map<String, Object> section(ReportedRun run, int index, String name, Map<String, Object> base, Path out) {
        Map<String, Object> s = new LinkedHashMap<>(base);
        Path images = out.resolve("images").resolve(index + "-" + name.replaceAll("[^A-Za-z0-9._=,+-]", "_"));
        List<Map<String, Object>> grids = new ArrayList<>();
        List<Long> steps = thin(new ArrayList<>(run.grids().keySet()));
        for (long step : steps) {
            grids.add(Map.of("step", step, "src", copy(run.grids().get(step), images, out)));
        }
        s.put("grids", grids);
        s.put("hasGrids", !grids.isEmpty());
        s.put("lastGrid", grids.isEmpty() ? 0 : grids.size() - 1);
        Path latest = run.directory().resolve("samples").resolve("latest.png");
        if (Files.isRegularFile(latest)) {
            s.put("finalGrid", Map.of("src", copy(latest, images, out), "step", run.grids().isEmpty() ? run.lastStep()
                    : ((java.util.TreeMap<Long, Path>) run.grids()).lastKey()));
        }
        s.put("evaluations", evaluationTable(run));
        alarmThreshold(run).ifPresent(threshold -> {
            List<Map<String, Object>> events = run.log().stream().filter(r -> r.containsKey("diversity_ratio") && r.get("diversity_ratio") < threshold)
                    .map(r -> Map.<String, Object>of("step", r.get("step").longValue(), "ratio", SvgChart.num(r.get("diversity_ratio")),
                            "value", Double.toString(r.get("diversity_ratio"))))
                    .toList();
            long checks = run.log().stream().filter(r -> r.containsKey("diversity_ratio")).count();
            s.put("alarm", Map.of("threshold", SvgChart.num(threshold), "checks", checks, "events", events, "count", events.size(),
                    "quiet", events.isEmpty(), "checked", checks > 0, "every", run.spec().path("monitors").path(ALARM).path("every").asText("?")));
        });
        List<Map<String, Object>> histograms = new ArrayList<>();
        run.headlineEvaluation().ifPresent(e -> {
            classHistogram(run, e).ifPresent(svg -> histograms.add(Map.of("svg", svg)));
            histograms.addAll(stackedModes(e));
        });
        s.put("histograms", histograms.isEmpty() ? null : Map.of("charts", histograms));
        run.detect().ifPresent(d -> s.put("detect", detect(d)));
        s.put("config", Json.text(run.spec()));
        List<Map<String, String>> provenance = new ArrayList<>();
        run.record().path("provenance").fields().forEachRemaining(f -> provenance.add(Map.of("key", f.getKey(),
                "value", f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString())));
        s.put("provenance", provenance);
        List<Map<String, String>> plugins = new ArrayList<>();
        run.record().path("plugins").forEach(p -> plugins.add(Map.of("kind", p.path("kind").asText(), "name", p.path("name").asText(),
                "jar", p.path("jar").asText(), "sha256", p.path("sha256").asText())));
        s.put("plugins", plugins);
        List<String> resumes = new ArrayList<>();
        run.record().path("resumes").forEach(r -> resumes.add(r.toString()));
        s.put("resumes", resumes.isEmpty() ? null : String.join("\n", resumes));
        return s;
    }

    /** Keeps at most {@link #MAX_GRIDS} steps, evenly spread, always the last. */
    static List<Long> thin(List<Long> steps) {
        if (steps.size() <= MAX_GRIDS) {
            return steps;
        }
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < MAX_GRIDS; i++) {
            kept.add(steps.get((int) Math.round((double) i * (steps.size() - 1) / (MAX_GRIDS - 1))));
        }
        return kept;
    }

    private static String copy(Path file, Path dir, Path out) {
        Path target = dir.resolve(file.getFileName());
        try {
            Files.createDirectories(dir);
            if (!Files.isRegularFile(target) || Files.size(target) != Files.size(file)
                    || !Files.getLastModifiedTime(target).equals(Files.getLastModifiedTime(file))) {
                AtomicFiles.write(target, Files.readAllBytes(file));
                Files.setLastModifiedTime(target, Files.getLastModifiedTime(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file + " into the report", e);
        }
        return out.relativize(target).toString().replace('\\', '/');
    }

    private static Map<String, Object> evaluationTable(ReportedRun run) {
        Set<String> columns = new LinkedHashSet<>();
        run.evaluations().forEach(e -> columns.addAll(e.report().scalars().keySet()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SavedEvaluations.Saved e : run.evaluations()) {
            Map<String, Double> values = e.report().scalars();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", e.step());
            row.put("weights", e.weights());
            row.put("network", e.report().protocol().featureNetwork());
            row.put("n", e.report().protocol().nReal() + " / " + e.report().protocol().nGenerated());
            row.put("savedAt", e.savedAt());
            row.put("cells", columns.stream().map(c -> values.containsKey(c)
                    ? Map.of("key", c, "text", SvgChart.num(values.get(c)), "value", Double.toString(values.get(c)))
                    : Map.of("key", c, "text", "—", "value", "")).toList());
            rows.add(row);
        }
        return rows.isEmpty() ? null : Map.of("header", new ArrayList<>(columns), "rows", rows);
    }

    /** The generated class histogram against the data's class counts scaled to the same total. */
    private static java.util.Optional<String> classHistogram(ReportedRun run, SavedEvaluations.Saved e) {
        if (!(e.report().metrics().get("class_histogram") instanceof List<?> counts) || counts.isEmpty()) {
            return java.util.Optional.empty();
        }
        double[] generated = counts.stream().mapToDouble(c -> ((Number) c).doubleValue()).toArray();
        List<String> categories = new ArrayList<>();
        for (int c = 0; c < generated.length; c++) {
            categories.add(String.valueOf(c));
        }
        JsonNode classCounts = run.record().path("classCounts");
        double total = Arrays.stream(generated).sum();
        if (classCounts.isArray() && classCounts.size() == generated.length) {
            double[] data = new double[generated.length];
            double dataTotal = 0;
            for (int c = 0; c < data.length; c++) {
                dataTotal += classCounts.get(c).asDouble();
            }
            for (int c = 0; c < data.length; c++) {
                data[c] = classCounts.get(c).asDouble() / dataTotal * total;
            }
            return java.util.Optional.of(SvgChart.bars("classes of " + (long) total + " generated samples (" + e.report().protocol().featureNetwork()
                    + ") vs the data's, scaled", categories, List.of("generated", "data"), new double[][] {generated, data}));
        }
        return java.util.Optional.of(SvgChart.bars("classes of " + (long) total + " generated samples", categories, List.of("generated"),
                new double[][] {generated}));
    }

    /** Stacked MNIST: the digits' shares over the three channels, and the 1,000 modes' counts sorted, against uniform. */
    private static List<Map<String, Object>> stackedModes(SavedEvaluations.Saved e) {
        List<Map<String, Object>> charts = new ArrayList<>();
        if (e.report().metrics().get("stacked_digit_share") instanceof List<?> shares && shares.size() == 10) {
            List<String> digits = new ArrayList<>();
            double[] uniform = new double[10];
            for (int d = 0; d < 10; d++) {
                digits.add(String.valueOf(d));
                uniform[d] = 0.1;
            }
            charts.add(Map.of("svg", SvgChart.bars("Stacked MNIST: share of each digit over the three channels", digits,
                    List.of("generated", "uniform"), new double[][] {shares.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray(),
                        uniform})));
        }
        if (e.report().metrics().get("stacked_mode_counts") instanceof List<?> counts && !counts.isEmpty()) {
            double[] sorted = counts.stream().mapToDouble(x -> ((Number) x).doubleValue()).sorted().toArray();
            double[] rank = new double[sorted.length];
            double[] descending = new double[sorted.length];
            double total = Arrays.stream(sorted).sum();
            for (int i = 0; i < sorted.length; i++) {
                rank[i] = i + 1;
                descending[i] = sorted[sorted.length - 1 - i];
            }
            long covered = Arrays.stream(sorted).filter(c -> c > 0).count();
            charts.add(Map.of("svg", SvgChart.lines("Stacked MNIST: samples per mode, modes by rank (" + covered + " of " + sorted.length
                    + " modes hit)", "mode rank", List.of(new SvgChart.Series("generated", SvgChart.PALETTE[0], rank, descending)),
                    List.of(SvgChart.Rule.horizontal("uniform", total / sorted.length)))));
        }
        return charts;
    }

    /** gan detect's scores: histograms of the inputs' and the normal validation data's scores with the threshold, and their ROC. */
    private static Map<String, Object> detect(JsonNode d) {
        double threshold = d.path("threshold").asDouble(Double.NaN);
        double[] inputs = doubles(d.path("scores"));
        double[] normal = doubles(d.path("validation_scores"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("input", d.path("input").asText());
        view.put("count", d.path("count").asLong());
        view.put("flagged", d.path("flagged").asLong());
        view.put("threshold", SvgChart.num(threshold));
        view.put("thresholdFrom", d.path("threshold_from").asText());
        double lo = Math.min(Arrays.stream(inputs).min().orElse(0), Arrays.stream(normal).min().orElse(0));
        double hi = Math.max(Arrays.stream(inputs).max().orElse(1), Arrays.stream(normal).max().orElse(1));
        int bins = 40;
        double[] centers = new double[bins];
        for (int b = 0; b < bins; b++) {
            centers[b] = lo + (b + 0.5) * (hi - lo) / bins;
        }
        List<SvgChart.Series> hist = new ArrayList<>();
        hist.add(new SvgChart.Series("inputs", SvgChart.PALETTE[2], centers, density(inputs, lo, hi, bins)));
        if (normal.length > 0) {
            hist.add(new SvgChart.Series("normal validation data", SvgChart.PALETTE[0], centers, density(normal, lo, hi, bins)));
        }
        List<SvgChart.Rule> rules = Double.isFinite(threshold) ? List.of(SvgChart.Rule.vertical("threshold", threshold)) : List.of();
        view.put("histogram", SvgChart.lines("anomaly scores (fraction per bin)", "score", hist, rules));
        if (normal.length > 0 && inputs.length > 0) {
            double[] sorted = new LinkedHashSet<>(Arrays.stream(concat(inputs, normal)).boxed().sorted((a, b) -> Double.compare(b, a)).toList())
                    .stream().mapToDouble(Double::doubleValue).toArray();
            double[] fpr = new double[sorted.length + 2];
            double[] tpr = new double[sorted.length + 2];
            for (int i = 0; i < sorted.length; i++) {
                fpr[i + 1] = above(normal, sorted[i]);
                tpr[i + 1] = above(inputs, sorted[i]);
            }
            fpr[fpr.length - 1] = 1;
            tpr[tpr.length - 1] = 1;
            List<SvgChart.Series> roc = new ArrayList<>();
            roc.add(new SvgChart.Series("inputs vs normal data", SvgChart.PALETTE[2], fpr, tpr));
            if (Double.isFinite(threshold)) {
                roc.add(new SvgChart.Series("at the threshold", "#c00", new double[] {above(normal, Math.nextUp(threshold))},
                        new double[] {above(inputs, Math.nextUp(threshold))}));
            }
            view.put("roc", SvgChart.lines("ROC: inputs against the normal validation data", "false-positive rate (normal data flagged)", roc,
                    List.of()));
        }
        return view;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The fraction of scores at or above t (flagged when the threshold is just below t). */
    private static double above(double[] scores, double t) {
        return scores.length == 0 ? 0 : (double) Arrays.stream(scores).filter(s -> s >= t).count() / scores.length;
    }

    private static double[] density(double[] xs, double lo, double hi, int bins) {
        double[] d = new double[bins];
        for (double x : xs) {
            d[Math.min(bins - 1, Math.max(0, (int) ((x - lo) / (hi - lo) * bins)))] += 1.0 / xs.length;
        }
        return d;
    }
}
