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

/**
 * A {@code MetricsLog} appends one JSON line per log interval to {@code metrics.jsonl} (step,
 * epoch, losses averaged over the interval, ms/step, images/s, plus any measured metrics) and
 * redraws {@code loss.png} at every checkpoint and at the end.
 *
 * <p>On a resumed run it first drops lines past the resume step, so the log reads as one run.
 */
public final class MetricsLog implements TrainingListener, AutoCloseable {

    private final Path file;
    private final Path chart;
    private final int every;
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
     */
    public MetricsLog(Path file, Path chart, int every) {
        this.file = file;
        this.chart = chart;
        this.every = every;
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
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> entry = Json.MAPPER.readValue(line, Map.class);
                    if (((Number) entry.get("step")).longValue() <= startStep) {
                        kept.add(line);
                        history.add(entry);
                    }
                }
                AtomicFiles.write(file, String.join("", kept.stream().map(l -> l + "\n").toList()).getBytes(StandardCharsets.UTF_8));
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open metrics log " + file, e);
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
