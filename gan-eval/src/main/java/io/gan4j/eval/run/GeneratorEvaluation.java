package io.gan4j.eval.run;

import io.gan4j.eval.report.Evaluation;
import io.gan4j.eval.report.EvaluationReport;
import io.gan4j.eval.report.MetricSuite;
import io.gan4j.eval.report.ReferenceCache;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.core.train.Sampling;
import io.gan4j.eval.conditional.ConditionalEvaluation;
import io.gan4j.eval.conditional.ConditionalReport;
import io.gan4j.eval.features.FeatureNetworks;
import io.gan4j.eval.modes.ModeHistogram;
import io.gan4j.eval.modes.StackedMnistModes;
import io.gan4j.eval.samples.SampleSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * {@code GeneratorEvaluation} is {@code gan eval}'s measurement as a library call: it picks the feature
 * network and the metrics by the same defaults rule (FID, KID, precision/recall, density/coverage; plus
 * classifier score and class histogram with a classifier; plus the Stacked-MNIST mode count for 3×28×28
 * samples; plus class accuracy and intra-FID for a conditional generator and a labelled reference) and
 * returns the report with its protocol. The reference side's features are kept in the {@link
 * ReferenceCache} (its default location unless given), so measuring again against the same data is
 * quicker. Sweeps call it; so can any Java program.
 */
public final class GeneratorEvaluation {

    private static final Shape STACKED = new Shape(3, 28, 28);

    /**
     * What to measure.
     *
     * @param features feature network name, or null for the default of the sample shape
     * @param featureOptions the feature network's options
     * @param metrics metric names (as in {@link MetricSuite}, plus {@code stacked} and {@code conditional}), or null for the defaults
     * @param stackedClassifier LeNet weights that read the digits for {@code stacked}, or null for the shipped lenet-mnist
     * @param count samples per side
     * @param seed seed of noise, subsets and KID subsets
     */
    public record Settings(String features, Map<String, String> featureOptions, List<String> metrics, Path stackedClassifier,
            int count, long seed) {

        /** Checks the values. */
        public Settings {
            featureOptions = Map.copyOf(Objects.requireNonNullElse(featureOptions, Map.of()));
            metrics = metrics == null ? null : List.copyOf(metrics);
            if (count < 2) {
                throw new IllegalArgumentException("count must be >= 2, was " + count);
            }
        }

        /** Returns the defaults ({@code gan eval}'s) with {@code count} samples per side. */
        public static Settings defaults(int count, long seed) {
            return new Settings(null, Map.of(), null, null, count, seed);
        }
    }

    private GeneratorEvaluation() {}

    /**
     * Returns a trained run's samples as a source: {@code count} samples from the seeded noise stream, with
     * class labels in the data's proportions when the generator is conditional.
     *
     * @param model the loaded run
     * @param description how the report names the samples
     * @param count how many
     * @param seed seed of the noise
     * @return the source
     */
    public static SampleSource samplesOf(TrainedModel model, String description, int count, long seed) {
        int[] labels = Sampling.labels(model.generator(), count, model.record().classCounts());
        return SampleSource.of(model.generator(), description, count, labels, seed);
    }

    /**
     * Measures generated samples against a real dataset.
     *
     * @param registry where feature networks come from
     * @param settings what to measure
     * @param real the reference data ({@code settings.count()} samples of it are drawn)
     * @param generated the generated samples
     * @param progress receives samples processed so far, over both sides
     * @return the report
     */
    public static EvaluationReport run(PluginRegistry registry, Settings settings, Dataset real, SampleSource generated,
            IntConsumer progress) {
        return run(registry, settings, real, generated, ReferenceCache.atDefaultLocation(), progress);
    }

    /**
     * Measures generated samples against a real dataset, taking the reference side from {@code cache}
     * when it holds it.
     *
     * @param registry where feature networks come from
     * @param settings what to measure
     * @param real the reference data ({@code settings.count()} samples of it are drawn)
     * @param generated the generated samples
     * @param cache the reference cache ({@link ReferenceCache#none()} measures everything)
     * @param progress receives samples processed so far, over both sides
     * @return the report
     */
    public static EvaluationReport run(PluginRegistry registry, Settings settings, Dataset real, SampleSource generated,
            ReferenceCache cache, IntConsumer progress) {
        SampleSource realSource = SampleSource.of(real, settings.count(), settings.seed());
        String network = settings.features() != null ? settings.features() : FeatureNetworks.defaultFor(real.sampleShape());
        try (FeatureNetwork net = registry.createFeatureNetwork(network, settings.featureOptions(), real.sampleShape())) {
            Set<String> chosen = new LinkedHashSet<>(settings.metrics() != null ? settings.metrics() : MetricSuite.defaults(net.numClasses() > 0));
            boolean stacked = settings.metrics() == null ? real.sampleShape().equals(STACKED) : chosen.contains("stacked");
            boolean conditional = settings.metrics() == null
                    ? generated.labels().isPresent() && realSource.labels().isPresent() && net.numClasses() > 0
                    : chosen.contains("conditional");
            chosen.remove("stacked");
            chosen.remove("conditional");
            EvaluationReport report = Evaluation.run(net, realSource, generated, chosen, settings.seed(), cache, progress);
            report = stacked ? withStackedModes(report, registry, generated, settings.stackedClassifier()) : report;
            return conditional ? withConditionalMetrics(report, net, realSource, generated) : report;
        }
    }

    /** Adds class accuracy (judged by the classifier), classes made on request and intra-FID of a conditional generator. */
    private static EvaluationReport withConditionalMetrics(EvaluationReport report, FeatureNetwork judge, SampleSource real,
            SampleSource generated) {
        ConditionalReport c = ConditionalEvaluation.run(judge, real, generated, done -> { });
        Map<String, Object> metrics = new LinkedHashMap<>(report.metrics());
        metrics.put("class_accuracy", c.accuracy());
        metrics.put("class_accuracy_each", c.classAccuracy());
        metrics.put("classes_on_request", c.classesCovered() + "/" + c.classAccuracy().length);
        metrics.put("intra_fid", c.meanIntraFid());
        metrics.put("intra_fid_each", c.intraFid());
        return new EvaluationReport(report.protocol(), metrics);
    }

    /** Adds the Stacked-MNIST mode count of the generated samples, judged by lenet-mnist (or {@code weights}) per channel. */
    private static EvaluationReport withStackedModes(EvaluationReport report, PluginRegistry registry, SampleSource generated,
            Path weights) {
        Map<String, String> options = weights == null ? Map.of() : Map.of("weights", weights.toString());
        try (FeatureNetwork digits = registry.createFeatureNetwork("lenet-mnist", options, new Shape(1, 28, 28))) {
            StackedMnistModes modes = StackedMnistModes.evaluate(digits, generated);
            Map<String, Object> metrics = new LinkedHashMap<>(report.metrics());
            metrics.put("stacked_modes_covered", modes.joint().modesCovered());
            metrics.put("stacked_mode_counts", modes.joint().counts());
            metrics.put("stacked_kl", modes.joint().klToData());
            metrics.put("stacked_channel_kl", modes.channels().stream().mapToDouble(ModeHistogram::klToData).toArray());
            metrics.put("stacked_dependence", modes.dependence());
            metrics.put("stacked_digit_share", modes.digitShares());
            metrics.put("stacked_ambiguous", modes.ambiguous());
            metrics.put("stacked_sure_digit_share", modes.sureDigitShares());
            metrics.put("stacked_classifier_sha256", digits.weightsHash());
            return new EvaluationReport(report.protocol(), metrics);
        }
    }
}
