package io.gan4j.cli;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.image.ImageGrid;
import io.gan4j.core.io.RunLock;
import io.gan4j.core.image.ScoreHistogram;
import io.gan4j.core.io.AtomicFiles;
import io.gan4j.core.io.Json;
import io.gan4j.core.model.AnomalyScorer;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.eval.anomaly.AnomalyMetrics;
import io.gan4j.eval.anomaly.AnomalyScores;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gan detect}: scores inputs with a trained anomaly detector and flags those above a threshold. */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score inputs with a trained anomaly detector and flag those above a threshold.",
            "Detectors: ganomaly, fanogan, autoencoder. The threshold is given, or fitted on normal validation data",
            "for a target false-positive rate.",
            "Writes scores.csv (id,score,flag), scores.json and histogram.png; exits with status 1 when anything is flagged."})
final class DetectCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run directory of an anomaly detector.")
    Path run;

    @Option(names = "--input", required = true, paramLabel = "SPEC", description = "Data to score, e.g. idx:images.gz or folder:DIR.")
    String input;

    @ArgGroup(exclusive = true)
    Threshold threshold = new Threshold();

    static final class Threshold {
        @Option(names = "--threshold", paramLabel = "T", description = "Flag scores above T.")
        Double value;

        @Option(names = "--fpr", paramLabel = "P",
                description = "Fit the threshold so that a fraction P of the validation data is flagged (default 0.05).")
        Double falsePositiveRate;
    }

    @Option(names = "--validation", paramLabel = "SPEC",
            description = "Normal data the threshold is fitted on (default: the run's training data, which makes it optimistic).")
    String validation;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the results (default: RUN/detect).")
    Path out;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = plugins.registry();
        Path dir = out != null ? out : run.resolve("detect");
        try (RunLock lock = RunLock.forOutput(run, dir, "detect");
                TrainedModel model = TrainedModel.load(registry, run, java.util.OptionalLong.empty(), spec.commandLine().getErr()::println)) {
            AnomalyScorer scorer = model.variant().anomalyScorer().orElseThrow(() -> new IllegalArgumentException(
                    "run " + run + " (variant '" + model.record().spec().variant() + "') is not an anomaly detector"));
            long seed = model.record().spec().training().seed();
            Dataset data = registry.openDataset(input, seed);
            requireShape(data, model, "--input");
            double[] scores = AnomalyScores.of(scorer, data, done -> { });
            double[] validationScores = null;
            String fittedOn;
            double t;
            if (threshold.value != null) {
                t = threshold.value;
                fittedOn = "given";
            } else {
                double fpr = threshold.falsePositiveRate != null ? threshold.falsePositiveRate : 0.05;
                String source = validation != null ? validation : model.record().spec().data();
                Dataset normal = registry.openDataset(source, seed);
                requireShape(normal, model, "--validation");
                validationScores = AnomalyScores.of(scorer, normal, done -> { });
                t = AnomalyMetrics.thresholdAtFalsePositiveRate(validationScores, fpr);
                fittedOn = String.format("%s at false-positive rate %s (%d samples)", source, fpr, validationScores.length);
            }
            int flagged = write(dir, scores, t, validationScores, fittedOn, data.description());
            PrintWriter o = spec.commandLine().getOut();
            o.printf("%d of %d inputs flagged (score > %.6g, threshold %s); results in %s%n", flagged, scores.length, t, fittedOn, dir);
            o.flush();
            return flagged > 0 ? 1 : 0;
        }
    }

    private static void requireShape(Dataset data, TrainedModel model, String option) {
        if (!data.sampleShape().equals(model.record().shape())) {
            throw new IllegalArgumentException(option + " " + data.description() + " has samples " + data.sampleShape()
                    + ", the detector was trained on " + model.record().shape());
        }
    }

    private static int write(Path dir, double[] scores, double threshold, double[] validationScores, String fittedOn, String input) {
        StringBuilder csv = new StringBuilder("id,score,flag\n");
        int flagged = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flag = scores[i] > threshold;
            flagged += flag ? 1 : 0;
            csv.append(i).append(',').append(scores[i]).append(',').append(flag ? 1 : 0).append('\n');
        }
        AtomicFiles.write(dir.resolve("scores.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("input", input);
        summary.put("count", scores.length);
        summary.put("flagged", flagged);
        summary.put("threshold", threshold);
        summary.put("threshold_from", fittedOn);
        summary.put("scores", scores);
        if (validationScores != null) {
            summary.put("validation_scores", validationScores);
        }
        Json.write(dir.resolve("scores.json"), summary);
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("inputs", scores);
        if (validationScores != null) {
            series.put("validation (normal)", validationScores);
        }
        ImageGrid.writePng(ScoreHistogram.render(series, threshold, "anomaly scores of " + input), dir.resolve("histogram.png"));
        return flagged;
    }
}
