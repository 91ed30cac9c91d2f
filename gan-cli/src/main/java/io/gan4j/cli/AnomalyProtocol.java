package io.gan4j.cli;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.model.AnomalyScorer;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.RunBuilder;
import io.gan4j.eval.monitor.StandardMonitors;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.eval.anomaly.AnomalyMetrics;
import io.gan4j.eval.anomaly.AnomalyScores;
import io.gan4j.eval.anomaly.PcaDetector;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code AnomalyProtocol} is the one-class protocol: for an anomaly class K, a detector is trained on
 * the training split without K and scores the whole test split, whose K samples are the anomalies;
 * AUROC and AUPRC rank the scores. Trained detectors live in {@code out/class-K/DETECTOR-seed-S}
 * (with their metrics log and loss chart), so
 * an interrupted protocol resumes where it stopped. {@code pca} is fitted, not trained, and does not
 * depend on the seed.
 */
final class AnomalyProtocol {

    /** The PCA baseline's name among the detectors. */
    static final String PCA = "pca";

    /** One detector's result for one anomaly class and seed. */
    record Result(int anomalyClass, String detector, long seed, double auroc, double auprc) {}

    private final PluginRegistry registry;
    private final String train;
    private final Dataset test;
    private final Path out;
    private final long steps;
    private final int batch;
    private final Map<String, String> options;
    private final double pcaVariance;
    private final Consumer<String> log;

    AnomalyProtocol(PluginRegistry registry, String train, String test, Path out, long steps, int batch, Map<String, String> options,
            double pcaVariance, Consumer<String> log) {
        this.registry = registry;
        this.train = train;
        this.test = registry.openDataset(test, 0);
        if (this.test.numClasses() == 0) {
            throw new IllegalArgumentException("the test data " + this.test.description() + " must be labelled (idx:IMAGES,LABELS)");
        }
        this.out = out;
        this.steps = steps;
        this.batch = batch;
        this.options = Map.copyOf(options);
        this.pcaVariance = pcaVariance;
        this.log = log;
    }

    /** Returns the number of classes of the test data. */
    int numClasses() {
        return test.numClasses();
    }

    /** Checks that every option is declared by at least one of the trained detectors. */
    void checkOptions(Iterable<String> detectors) {
        for (String option : options.keySet()) {
            boolean known = false;
            for (String d : detectors) {
                if (!d.equals(PCA)) {
                    known |= registry.variant(d).options().stream().map(OptionSpec::name).anyMatch(option::equals);
                }
            }
            if (!known) {
                throw new IllegalArgumentException("option '" + option + "' is not an option of any of the detectors " + detectors);
            }
        }
    }

    /** Trains (or reuses) and scores one detector for anomaly class {@code k}. */
    Result run(int k, String detector, long seed) {
        String normal = "exclude:" + k + "@" + train;
        boolean[] anomalous = new boolean[test.size()];
        for (int i = 0; i < anomalous.length; i++) {
            anomalous[i] = test.label(i) == k;
        }
        double[] scores;
        if (detector.equals(PCA)) {
            PcaDetector pca = PcaDetector.fit(registry.openDataset(normal, seed), pcaVariance);
            scores = pca.score(test);
        } else {
            Path dir = out.resolve("class-" + k).resolve(detector + "-seed-" + seed);
            // Protocol runs train without the collapse alarm (turning it off is allowed for any variant).
            RunBuilder run = RunBuilder.create(registry).setVariant(detector).optData(normal).optSteps(steps).optBatchSize(batch)
                    .optSeed(seed).optSampleEvery(0).optCheckpointEvery((int) Math.max(1, steps / 4)).optKeepCheckpoints(1)
                    .optMonitorOption(StandardMonitors.COLLAPSE_ALARM, "every", "0").setOutput(dir);
            registry.variant(detector).options().stream().filter(o -> options.containsKey(o.name()))
                    .forEach(o -> run.optVariantOption(o.name(), options.get(o.name())));
            run.build().train();
            try (TrainedModel model = TrainedModel.load(registry, dir)) {
                AnomalyScorer scorer = model.variant().anomalyScorer().orElseThrow(
                        () -> new IllegalArgumentException("'" + detector + "' is not an anomaly detector"));
                scores = AnomalyScores.of(scorer, test, done -> { });
            }
        }
        Result r = new Result(k, detector, seed, AnomalyMetrics.auroc(anomalous, scores), AnomalyMetrics.auprc(anomalous, scores));
        log.accept(String.format("class %d, %s, seed %d: AUROC %.4f, AUPRC %.4f", k, detector, seed, r.auroc(), r.auprc()));
        return r;
    }
}
