package io.gan4j.core.event;

import io.gan4j.core.image.ImageGrid;
import io.gan4j.core.image.LossChart;
import io.gan4j.core.io.AtomicFiles;
import io.gan4j.core.io.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A {@code MetricsLog} appends one JSON line per log interval to {@code metrics.jsonl} (step,
 * epoch, losses averaged over the interval, ms/step, images/s, plus any measured metrics) and
 * redraws {@code loss.png} at every checkpoint and at the end.
 *
 * <p>On a resumed run it first drops lines past the resume step, so the log reads as one run, and
 * lines that cannot be read (a torn last line after a crash or a full disk, garbled bytes), saying so:
 * a damaged log never stops a run from resuming.
 */
public final class MetricsLog implements TrainingListener, AutoCloseable {

    private final Path file;
    private final Path chart;
    private final int every;
    private final Consumer<String> warnings;
    private final Map<String, Double> sums = new TreeMap<>();
    private final Map<String, Double> pendingMetrics = new LinkedHashMap<>();
    private final List<Map<String, Object>> history = new ArrayList<>();
    private int count;
    private double millis;
    private double images;
    private BufferedWriter out;

    /**
     * Creates the log.
     *
     * @param file the JSON-lines file
     * @param chart the loss-curve PNG
     * @param every steps per line
     * @param warnings takes what the user should know, e.g. that unreadable lines were dropped
     */
    public MetricsLog(Path file, Path chart, int every, Consumer<String> warnings) {
        this.file = file;
        this.chart = chart;
        this.every = every;
        this.warnings = warnings;
    }

    @Override
    public void on(TrainingEvent event) {
        if (event instanceof TrainingEvent.RunStarted e) {
            open(e.startStep());
        } else if (event instanceof TrainingEvent.StepCompleted e) {
            add(e);
        } else if (event instanceof TrainingEvent.MetricMeasured e) {
            pendingMetrics.put(e.name(), e.value());
        } else if (event instanceof TrainingEvent.CheckpointSaved) {
            drawChart();
        } else if (event instanceof TrainingEvent.RunFinished) {
            drawChart();
            close();
        }
    }

    private void open(long startStep) {
        try {
            List<String> kept = new ArrayList<>();
            if (Files.isRegularFile(file)) {
                List<Integer> unreadable = new ArrayList<>();
                List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);  // any bytes decode
                for (int i = 0; i < lines.size(); i++) {
                    String line = new String(lines.get(i).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                    if (line.isBlank()) {
                        continue;
                    }
                    Map<String, Object> entry = entry(line);
                    if (entry == null) {
                        unreadable.add(i + 1);
                    } else if (((Number) entry.get("step")).longValue() <= startStep) {
                        kept.add(line);
                        history.add(entry);
                    }
                }
                // Rewritten atomically: the log keeps what precedes the resume step, without the lines a crash
                // or a full disk tore or garbled (the metrics of those intervals are lost; training is not).
                AtomicFiles.write(file, String.join("", kept.stream().map(l -> l + "\n").toList()).getBytes(StandardCharsets.UTF_8));
                if (!unreadable.isEmpty()) {
                    warnings.accept(file + ": dropped " + unreadable.size() + " unreadable line(s) (line " + unreadable.stream().limit(5)
                            .map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + (unreadable.size() > 5 ? ", ..." : "")
                            + "; torn by an interrupted write or garbled); the log is repaired");
                }
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open metrics log " + file, e);
        }
    }

    /**
     * Reads a metrics log as a reader sees it at any moment, also while a run writes it: each readable
     * line's numeric values; lines that cannot be read (one being written, a torn or garbled one) are
     * skipped, as a resume would drop them.
     *
     * @param file the {@code metrics.jsonl} file; none yet reads as no lines
     * @return the rows, oldest first
     */
    public static List<Map<String, Double>> read(Path file) {
        List<Map<String, Double>> rows = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {  // any bytes decode
                Map<String, Object> entry = entry(new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                if (entry != null) {
                    Map<String, Double> row = new LinkedHashMap<>();
                    entry.forEach((k, v) -> {
                        if (v instanceof Number n) {
                            row.put(k, n.doubleValue());
                        }
                    });
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }

    /**
     * Returns the losses (values named {@code *_loss}) of the last row that has any.
     *
     * @param rows rows as {@link #read} gives them
     * @return the losses by name, empty when no row has one
     */
    public static Map<String, Double> lastLosses(List<Map<String, Double>> rows) {
        Map<String, Double> losses = new LinkedHashMap<>();
        for (int i = rows.size() - 1; i >= 0 && losses.isEmpty(); i--) {
            rows.get(i).forEach((k, v) -> {
                if (k.endsWith("_loss")) {
                    losses.put(k, v);
                }
            });
        }
        return losses;
    }

    /** Returns a log line's entry, or null when the line is not a JSON object with a numeric step. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(String line) {
        try {
            Object value = Json.MAPPER.readValue(line, Object.class);
            return value instanceof Map<?, ?> map && map.get("step") instanceof Number ? (Map<String, Object>) map : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void add(TrainingEvent.StepCompleted e) {
        e.losses().forEach((k, v) -> sums.merge(k, (double) v, Double::sum));
        millis += e.stepMillis();
        images += e.imagesPerSecond();
        count++;
        if (e.step() % every == 0 || e.step() == e.totalSteps()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", e.step());
            entry.put("epoch", e.epoch());
            sums.forEach((k, v) -> entry.put(k, v / count));
            entry.put("ms_per_step", millis / count);
            entry.put("images_per_sec", images / count);
            entry.putAll(pendingMetrics);
            pendingMetrics.clear();
            history.add(entry);
            try {
                out.write(Json.line(entry));
                out.newLine();
                out.flush();
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot append to " + file, ex);
            }
            sums.clear();
            count = 0;
            millis = 0;
            images = 0;
        }
    }

    private void drawChart() {
        Set<String> names = new LinkedHashSet<>();
        history.forEach(entry -> entry.keySet().stream().filter(k -> k.endsWith("_loss")).forEach(names::add));
        List<Map<String, Object>> rows = history.stream().filter(r -> r.keySet().containsAll(names)).toList();
        long[] steps = rows.stream().mapToLong(r -> ((Number) r.get("step")).longValue()).toArray();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, rows.stream().mapToDouble(r -> ((Number) r.get(name)).doubleValue()).toArray());
        }
        ImageGrid.writePng(LossChart.render(steps, values, "losses (EMA-smoothed) — " + file.getParent().getFileName()), chart);
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = null;
        }
    }
}
