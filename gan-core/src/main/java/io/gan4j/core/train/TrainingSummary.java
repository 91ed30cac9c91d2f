package io.gan4j.core.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A {@code TrainingSummary} reports how a call to {@link GanTrainer#train()} ended.
 *
 * @param startStep step the call started from (0, or a checkpoint's step when resuming)
 * @param steps steps completed in total
 * @param elapsed wall time of this call
 * @param lastLosses losses of the last step
 * @param model directory of the final weights
 * @param interrupted whether training stopped before its budget because it was asked to; the newest
 *     checkpoint then holds the last completed step and {@code model} was not written
 */
public record TrainingSummary(long startStep, long steps, Duration elapsed, Map<String, Float> lastLosses, Path model,
        boolean interrupted) {}
