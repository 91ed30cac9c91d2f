package io.gan4j.eval.monitor;

import io.gan4j.core.engine.DeviceChoice;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.event.TrainingListener;
import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.core.model.Generator;
import io.gan4j.core.train.GanTrainer;
import io.gan4j.core.train.Sampling;
import io.gan4j.core.train.Seeds;
import io.gan4j.eval.samples.SampleSource;
import java.util.function.Consumer;

/**
 * A {@code ModeCollapseAlarm} watches sample diversity during training: every {@code every} steps
 * it draws {@value #SAMPLES} samples from fixed noise, computes their mean pairwise Euclidean
 * distance in sample space, divides it by the same statistic of {@value #SAMPLES} real samples, and
 * records the ratio as {@code diversity_ratio} in the metrics log. A ratio below the threshold means
 * the generator's samples are much more alike than real ones — the signature of mode collapse — and
 * triggers a warning.
 */
public final class ModeCollapseAlarm implements TrainingListener {

    /** Samples per measurement. */
    public static final int SAMPLES = 256;

    private final GanTrainer trainer;
    private final int every;
    private final double threshold;
    private final Consumer<String> warn;
    private final double realDiversity;

    /**
     * Creates the alarm.
     *
     * @param trainer the trainer whose generator to watch and where to record the statistic
     * @param real the real data
     * @param every steps between measurements
     * @param threshold ratio below which to warn, e.g. 0.5
     * @param warn receives warning lines
     */
    public ModeCollapseAlarm(GanTrainer trainer, Dataset real, int every, double threshold, Consumer<String> warn) {
        if (every <= 0 || !(threshold > 0)) {
            throw new IllegalArgumentException("the alarm needs every > 0 and threshold > 0, got " + every + " and " + threshold);
        }
        this.trainer = trainer;
        this.every = every;
        this.threshold = threshold;
        this.warn = warn;
        try (NDManager m = DeviceChoice.newBaseManager()) {
            SampleSource source = SampleSource.of(real, SAMPLES, 0);
            this.realDiversity = meanPairwiseDistance(source.batch(0, source.size(), m));
        }
    }

    @Override
    public void on(TrainingEvent event) {
        if (event instanceof TrainingEvent.StepCompleted e && e.step() % every == 0) {
            Generator g = trainer.variant().generator().orElseThrow(
                    () -> new IllegalStateException("the mode-collapse alarm needs a variant with a generator"));
            double[] diversity = new double[1];
            trainer.withSamplingWeights(() -> {
                try (NDManager m = DeviceChoice.newBaseManager()) {
                    diversity[0] = meanPairwiseDistance(Sampling.generate(g, SAMPLES, Seeds.mix(0, Seeds.GRID, 7), m));
                }
            });
            double ratio = diversity[0] / realDiversity;
            trainer.record("diversity_ratio", ratio);
            if (ratio < threshold) {
                warn.accept(String.format("warning: possible mode collapse at step %d: generated samples are %.2fx as diverse as real ones"
                        + " (mean pairwise distance; threshold %.2f)", e.step(), ratio, threshold));
            }
        }
    }

    /** Returns the mean Euclidean distance over all pairs of rows of a batch. */
    static double meanPairwiseDistance(NDArray batch) {
        int n = (int) batch.getShape().get(0);
        float[] v = batch.toFloatArray();
        int d = v.length / n;
        double[] values = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            values[i] = v[i];
        }
        double[] sum = {0};
        io.gan4j.core.features.Distances.euclidean(new FeatureMatrix(n, d, values), new FeatureMatrix(n, d, values), n,
                (start, rows, block) -> {
                    for (double x : block) {
                        sum[0] += x;
                    }
                });
        return sum[0] / ((double) n * (n - 1));
    }
}
