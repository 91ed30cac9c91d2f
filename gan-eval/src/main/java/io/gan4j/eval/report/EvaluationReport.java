package io.gan4j.eval.report;

import io.gan4j.eval.stats.MeanStd;
import java.util.Map;

/**
 * An {@code EvaluationReport} is the result of measuring generated samples against real ones,
 * together with the protocol that makes the numbers comparable.
 *
 * @param protocol how the numbers were measured
 * @param metrics metric name → value (numbers, or small records such as mean ± std)
 */
public record EvaluationReport(Protocol protocol, Map<String, Object> metrics) {

    /**
     * Returns the scalar metrics, for tables and summaries: numbers as they are, a value with a spread
     * (mean ± std, as measured or as read back from JSON) as {@code NAME} and {@code NAME_std}; arrays and
     * text are left out.
     *
     * @return the scalars by name, in report order
     */
    public Map<String, Double> scalars() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        metrics.forEach((name, value) -> {
            if (value instanceof Number n) {
                out.put(name, n.doubleValue());
            } else if (value instanceof io.gan4j.eval.stats.MeanStd m) {
                out.put(name, m.mean());
                out.put(name + "_std", m.std());
            } else if (value instanceof Map<?, ?> m && m.get("mean") instanceof Number mean && m.get("std") instanceof Number std) {
                out.put(name, mean.doubleValue());
                out.put(name + "_std", std.doubleValue());
            }
        });
        return out;
    }

    /**
     * The measurement protocol.
     *
     * @param featureNetwork the feature network's name
     * @param weightsSha256 SHA-256 of its weights
     * @param reference what the real samples were
     * @param generated what the generated samples were
     * @param nReal real samples measured
     * @param nGenerated generated samples measured
     * @param seed seed of the subsets and noise
     */
    public record Protocol(String featureNetwork, String weightsSha256, String reference, String generated, int nReal,
            int nGenerated, long seed) {}
}
