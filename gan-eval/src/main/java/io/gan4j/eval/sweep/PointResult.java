package io.gan4j.eval.sweep;

import io.gan4j.core.config.RunConfig;
import io.gan4j.eval.run.GeneratorEvaluation;
import java.util.Map;

/**
 * What one finished sweep point gave, kept in {@code OUT/points/ID.json}: its presence marks the point
 * finished, so a sweep run again skips it.
 *
 * @param id the point's id
 * @param settings the varied settings by key path
 * @param config the config the point trained with
 * @param evaluation what was measured, or null for nothing
 * @param step the training step of the measured weights
 * @param losses the last logged losses (metrics.jsonl's last line)
 * @param metrics the measured scalar metrics; a metric with a spread (KID) gives {@code NAME} and {@code NAME_std}
 * @param evaluationFile the saved evaluation inside the run, relative to the run, or null
 * @param trainingSeconds seconds spent training in the session that finished the point (0 when it was trained before)
 * @param evaluationSeconds seconds spent evaluating
 */
public record PointResult(String id, Map<String, Object> settings, RunConfig config, GeneratorEvaluation.Settings evaluation, long step,
        Map<String, Double> losses, Map<String, Double> metrics, String evaluationFile, double trainingSeconds, double evaluationSeconds) {}
