package io.gan4j.core.event;

import io.gan4j.core.config.RunSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A {@code TrainingEvent} is an immutable snapshot of something that happened in a training run;
 * listeners receive them in order on the training thread.
 */
public sealed interface TrainingEvent {

    /**
     * The run started or resumed.
     *
     * @param spec what the run is
     * @param runDirectory where it lives
     * @param startStep completed steps before this start (non-zero when resuming)
     * @param totalSteps the step budget
     * @param stepsPerEpoch steps that make one pass over the data
     */
    record RunStarted(RunSpec spec, Path runDirectory, long startStep, long totalSteps, int stepsPerEpoch)
            implements TrainingEvent {}

    /**
     * A step finished.
     *
     * @param step completed steps, 1-based
     * @param totalSteps the step budget
     * @param epoch current data epoch, 0-based
     * @param losses the step's losses by name
     * @param stepMillis wall time of the step
     * @param imagesPerSecond real samples consumed per second in this step
     */
    record StepCompleted(long step, long totalSteps, long epoch, Map<String, Float> losses, double stepMillis,
            double imagesPerSecond) implements TrainingEvent {}

    /**
     * A sample grid was written.
     *
     * @param step completed steps
     * @param file the PNG
     */
    record SamplesWritten(long step, Path file) implements TrainingEvent {}

    /**
     * A checkpoint was written (atomically: the directory is complete).
     *
     * @param step completed steps
     * @param directory the checkpoint
     */
    record CheckpointSaved(long step, Path directory) implements TrainingEvent {}

    /**
     * A value was measured during training (by a metric listener, for example).
     *
     * @param step completed steps
     * @param name metric name
     * @param value the value
     */
    record MetricMeasured(long step, String name, double value) implements TrainingEvent {}

    /**
     * The last step of the budget is done; the trainer's outputs now write the final checkpoint, sample
     * grid and model, then {@link RunFinished} follows.
     *
     * @param step completed steps (the budget)
     */
    record BudgetReached(long step) implements TrainingEvent {}

    /**
     * Training stopped before its budget because it was asked to ({@code GanRun.stop()}, or SIGINT/SIGTERM
     * in the CLI): the current step was finished and the trainer's checkpoint writer now saves it, so the
     * run resumes from exactly here. {@link RunFinished} follows; no model is written.
     *
     * @param step completed steps
     */
    record Interrupted(long step) implements TrainingEvent {}

    /**
     * The run reached its budget and wrote its final outputs.
     *
     * @param step completed steps
     * @param elapsed wall time of this invocation
     * @param modelDirectory where the final weights are
     */
    record RunFinished(long step, Duration elapsed, Path modelDirectory) implements TrainingEvent {}
}
