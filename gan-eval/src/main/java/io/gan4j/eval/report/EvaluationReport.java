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
