package io.gan4j.eval.report;

import io.gan4j.eval.samples.SampleSource;
import io.gan4j.core.eval.FeatureNetwork;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/** {@code Evaluation} runs the whole measurement: features of both sources, then the metrics. */
public final class Evaluation {

    private Evaluation() {}

    /**
     * Measures generated samples against real ones.
     *
     * @param progress receives samples processed so far, over both sources
     */
    public static EvaluationReport run(FeatureNetwork network, SampleSource real, SampleSource generated, Set<String> metrics,
            long seed, IntConsumer progress) {
        return run(network, real, generated, metrics, seed, ReferenceCache.none(), progress);
    }

    /**
     * Measures generated samples against real ones, taking the real side's features (and what the
     * metrics derive from them alone) from {@code cache} when it holds them.
     *
     * @param progress receives samples processed so far, over both sources
     */
    public static EvaluationReport run(FeatureNetwork network, SampleSource real, SampleSource generated, Set<String> metrics,
            long seed, ReferenceCache cache, IntConsumer progress) {
        ReferenceCache.Reference r = cache.features(network, real, progress);
        Features g = Features.extract(network, generated, done -> progress.accept(real.size() + done));
        Map<String, Object> values = MetricSuite.compute(metrics, r, g, seed);
        return new EvaluationReport(new EvaluationReport.Protocol(network.name(), network.weightsHash(), real.description(),
                generated.description(), real.size(), generated.size(), seed), values);
    }
}
