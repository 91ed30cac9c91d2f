package io.gan4j.cli;

import io.gan4j.eval.stats.MeanStd;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.core.io.Json;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.train.Sampling;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.data.toy.ToyMixture;
import io.gan4j.eval.modes.ToyMixtureMetrics;
import io.gan4j.eval.npy.Npy;
import io.gan4j.eval.report.EvaluationReport;
import io.gan4j.eval.report.SavedEvaluations;
import io.gan4j.eval.run.GeneratorEvaluation;
import io.gan4j.eval.samples.SampleSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code gan eval}: measures generated samples against real ones. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure generated samples against real ones (FID, KID, precision/recall and more).",
            "Generated samples come from a run (--run) or a file (--samples); 'gan list' shows every metric."},
        subcommands = {TrainClassifierCommand.class, TranslationEvalCommand.class, InpaintingEvalCommand.class, UpscalingEvalCommand.class, AnomalyEvalCommand.class,
            StatisticsCommand.class})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--run", paramLabel = "DIR", description = "Run directory whose generator to sample.")
    Path run;

    @Option(names = "--samples", paramLabel = "SPEC|FILE.npy",
            description = "Generated samples: a dataset spec (e.g. idx:samples.gz) or an .npy matrix of flattened samples.")
    String samples;

    @Option(names = "--reference", paramLabel = "SPEC", description = "Real samples (default: the run's data).")
    String reference;

    @Option(names = "--features", paramLabel = "NAME",
            description = "Feature network (default: lenet-mnist for 28x28 grey images, else pixels); see 'gan list'.")
    String features;

    @Option(names = {"-F", "--feature-option"}, paramLabel = "NAME=VALUE", description = "Feature-network option, e.g. model=PATH.")
    Map<String, String> featureOptions = new LinkedHashMap<>();

    @Option(names = "--metrics", split = ",", paramLabel = "LIST",
            description = "Metrics among fid,kid,pr,dc,score,classes,ndb,birthday,stacked,conditional (default: fid,kid,pr,dc, plus"
                    + " score,classes with a classifier, plus stacked for 3x28x28 samples, plus conditional (class accuracy,"
                    + " intra-FID) for a conditional generator and labelled reference).")
    List<String> metrics;

    @Option(names = "--stacked-classifier", paramLabel = "FILE.npz",
            description = "LeNet weights (gan eval train-classifier) that read the digits for --metrics stacked (default: the shipped"
                    + " lenet-mnist).")
    Path stackedClassifier;

    @Option(names = {"-n", "--count"}, defaultValue = "10000", description = "Samples per side (default: ${DEFAULT-VALUE}).")
    int count;

    @Mixin
    StepOption weights = new StepOption();

    @Mixin
    RejectionOption rejection = new RejectionOption();

    @Option(names = "--seed", defaultValue = "0", description = "Seed of noise, subsets and KID subsets (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if ((run == null) == (samples == null)) {
            throw new IllegalArgumentException("give exactly one of --run DIR or --samples SPEC|FILE.npy");
        }
        if (count < 2) {
            throw new IllegalArgumentException("--count must be >= 2, was " + count);
        }
        PluginRegistry registry = plugins.registry();
        if (run == null && weights.step != null) {
            throw new IllegalArgumentException("--step names a checkpoint of --run DIR; give --run");
        }
        TrainedModel model = run == null ? null : weights.load(registry, run, spec.commandLine().getErr());
        try {
            String referenceSpec = reference != null ? reference : model != null ? model.record().spec().data() : null;
            if (referenceSpec == null) {
                throw new IllegalArgumentException("--reference SPEC is required with --samples");
            }
            Dataset real = registry.openDataset(referenceSpec, seed);
            SampleSource generated = model != null ? generatedFromRun(registry, model) : generatedFromSpec(registry, real.sampleShape());
            GeneratorEvaluation.Settings settings = new GeneratorEvaluation.Settings(features, featureOptions, metrics, stackedClassifier,
                    count, seed);
            int total = Math.min(count, real.size()) + generated.size();
            EvaluationReport report;
            if (System.console() != null && !json) {
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName("features").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" samples", 1).showSpeed().build()) {
                    report = GeneratorEvaluation.run(registry, settings, real, generated, bar::stepTo);
                }
            } else {
                report = GeneratorEvaluation.run(registry, settings, real, generated, done -> { });
            }
            EvaluationReport measured = report;
            EvaluationReport finished = toyMixture(referenceSpec).map(toy -> withToyMixtureMetrics(measured, toy, generated)).orElse(measured);
            print(finished);
            if (model != null) {
                Path saved = SavedEvaluations.save(run, model.step(), weightsName(model), finished);
                spec.commandLine().getErr().println("saved in " + saved);
            }
        } finally {
            if (model != null) {
                model.close();
            }
        }
        return 0;
    }

    /** Names the weights a report measured: {@code model}, or the checkpoint directory's name, with {@code +drs} when rejection-sampled. */
    private String weightsName(TrainedModel model) {
        String name = model.weights().getFileName().toString();
        return rejection.percentile != null ? name + "+drs" : name;
    }

    /** Returns the mixture a toy-data spec names (ring8, grid25), if it names one. */
    private static Optional<ToyMixture> toyMixture(String spec) {
        String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        return Stream.of(ToyMixture.ring8(), ToyMixture.grid25()).filter(t -> t.name().equals(name)).findFirst();
    }

    /** Adds VEEGAN/PacGAN's toy-mixture metrics: modes covered (20 high-quality samples per 2,500), high quality, reverse KL. */
    private static EvaluationReport withToyMixtureMetrics(EvaluationReport report, ToyMixture toy, SampleSource generated) {
        float[] flat;
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            flat = generated.batch(0, generated.size(), m).toFloatArray();
        }
        float[][] points = new float[generated.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new float[] {flat[2 * i], flat[2 * i + 1]};
        }
        long threshold = Math.max(1, Math.round(20.0 * points.length / 2500));
        ToyMixtureMetrics t = ToyMixtureMetrics.evaluate(points, toy.centers(), toy.sigma(), threshold);
        Map<String, Object> metrics = new LinkedHashMap<>(report.metrics());
        metrics.put("modes_covered", t.modesCovered() + "/" + t.modes());
        metrics.put("high_quality", t.highQualityFraction());
        metrics.put("reverse_kl", t.reverseKl());
        return new EvaluationReport(report.protocol(), metrics);
    }

    private SampleSource generatedFromRun(PluginRegistry registry, TrainedModel model) {
        String description = "run " + run + " (" + model.weights().getFileName() + ")";
        return rejection.create(registry, model, run, seed, spec.commandLine().getErr())
                .map(drs -> SampleSource.of(drs, description + " with " + rejection.describe(drs), count,
                        Sampling.labels(model.generator(), count, model.record().classCounts()), seed))
                .orElseGet(() -> GeneratorEvaluation.samplesOf(model, description, count, seed));
    }

    private SampleSource generatedFromSpec(PluginRegistry registry, Shape shape) {
        if (!samples.endsWith(".npy")) {
            return SampleSource.of(registry.openDataset(samples, seed), count, seed);
        }
        FeatureMatrix m = Npy.read(Path.of(samples));
        if (m.cols() != shape.size()) {
            throw new IllegalArgumentException(samples + " has " + m.cols() + " values per row; the reference's samples " + shape
                    + " have " + shape.size());
        }
        int n = Math.min(count, m.rows());
        return SampleSource.of(samples + " (" + m.rows() + " samples)", n, shape, (start, size, manager) -> {
            float[] values = new float[size * m.cols()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) m.values()[start * m.cols() + i];
            }
            return manager.create(values, new Shape(size).addAll(shape));
        });
    }

    private void print(EvaluationReport report) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.line(report));
        } else {
            EvaluationReport.Protocol p = report.protocol();
            out.printf("generated: %s%nreference: %s%n", p.generated(), p.reference());
            out.printf("features:  %s (weights sha256 %s), %d real, %d generated, seed %d%n", p.featureNetwork(),
                    p.weightsSha256().length() > 12 ? p.weightsSha256().substring(0, 12) + "…" : p.weightsSha256(),
                    p.nReal(), p.nGenerated(), p.seed());
            report.metrics().forEach((name, value) -> out.printf("  %-18s %s%n", name, format(value)));
        }
        out.flush();
    }

    private static String format(Object value) {
        if (value instanceof MeanStd m) {
            return String.format("%.6g ± %.2g", m.mean(), m.std());
        }
        if (value instanceof Double d) {
            return String.format("%.6g", d);
        }
        if (value instanceof long[] counts && counts.length > 20) {
            return "[" + counts.length + " counts; in the saved evaluation or --json]";
        }
        if (value instanceof long[] counts) {
            return java.util.Arrays.toString(counts);
        }
        if (value instanceof double[] values) {
            return java.util.Arrays.stream(values).mapToObj(v -> String.format("%.3g", v))
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
