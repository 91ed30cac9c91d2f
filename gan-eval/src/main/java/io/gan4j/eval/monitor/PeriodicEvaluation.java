package io.gan4j.eval.monitor;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.event.TrainingListener;
import io.gan4j.core.model.Generator;
import io.gan4j.core.train.GanTrainer;
import io.gan4j.core.train.Sampling;
import io.gan4j.eval.fid.FrechetDistance;
import io.gan4j.eval.report.EvaluationReport;
import io.gan4j.eval.report.SavedEvaluations;
import io.gan4j.eval.fid.GaussianStatistics;
import io.gan4j.eval.report.Features;
import io.gan4j.eval.report.ReferenceCache;
import io.gan4j.eval.samples.SampleSource;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@code PeriodicEvaluation} measures FID every {@code every} steps during training (real
 * statistics computed once), records it as {@code fid} in the metrics log, and saves the weights
 * with the lowest FID so far to {@code best/} in the run directory.
 */
public final class PeriodicEvaluation implements TrainingListener {

    private final GanTrainer trainer;
    private final FeatureNetwork network;
    private final GaussianStatistics realStatistics;
    private final int every;
    private final int count;
    private final int[] realClassCounts;
    private final String realDescription;
    private final Consumer<String> log;
    private double best = Double.POSITIVE_INFINITY;

    /**
     * Creates the listener.
     *
     * @param trainer whose generator to measure
     * @param network the feature network (closed by the caller)
     * @param real the real data
     * @param every steps between measurements
     * @param count samples per side
     * @param log receives one line per measurement
     */
    public PeriodicEvaluation(GanTrainer trainer, FeatureNetwork network, Dataset real, int every, int count, Consumer<String> log) {
        if (every <= 0 || count < 2) {
            throw new IllegalArgumentException("periodic evaluation needs every > 0 and count >= 2, got " + every + " and " + count);
        }
        this.trainer = trainer;
        this.network = network;
        this.every = every;
        this.count = count;
        this.log = log;
        this.realClassCounts = real.classCounts();
        this.realDescription = real.description();
        // Kept in the reference cache: a resumed run, or the next run on the same data, does not measure it again.
        this.realStatistics = GaussianStatistics.of(ReferenceCache.atDefaultLocation()
                .features(network, SampleSource.of(real, count, 0), d -> { }).features().matrix());
    }

    @Override
    public void on(TrainingEvent event) {
        boolean due = event instanceof TrainingEvent.StepCompleted e && (e.step() % every == 0 || e.step() == e.totalSteps());
        if (!due) {
            return;
        }
        long step = ((TrainingEvent.StepCompleted) event).step();
        Generator g = trainer.variant().generator().orElseThrow();
        // A conditional generator draws the data's class proportions, as gan eval does for the finished run.
        SampleSource generated = SampleSource.of(g, "generator", count, Sampling.labels(g, count, realClassCounts), 1);
        double[] measured = new double[1];
        trainer.withSamplingWeights(() -> measured[0] = FrechetDistance.compute(realStatistics,
                GaussianStatistics.of(Features.extract(network, generated, d -> { }).matrix())));
        double fid = measured[0];
        trainer.record("fid", fid);
        SavedEvaluations.save(trainer.runDirectory().root(), step, "training", new EvaluationReport(
                new EvaluationReport.Protocol(network.name(), network.weightsHash(), realDescription, "generator at step " + step
                        + " (its sampling weights)", count, count, 1), Map.of("fid", fid)));
        if (fid < best) {
            best = fid;
            trainer.saveWeights("best");
        }
        log.accept(String.format("step %d: fid %.4f (%s, %d samples), best %.4f", step, fid, network.name(), count, best));
    }
}
