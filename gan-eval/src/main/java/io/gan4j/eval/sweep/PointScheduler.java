package io.gan4j.eval.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * A {@code PointScheduler} runs a sweep's pending points elsewhere than the {@link SweepRunner}'s own
 * thread, e.g. as Spark tasks ({@code io.gan4j.eval.spark.SparkSweepScheduler}). Each point runs as
 * {@link SweepWorker} does — in its own JVM, so that points never share an engine's global state — and
 * leaves its run directory and result file where {@link SweepRunner#runDirectory} and
 * {@link SweepRunner#resultFile} say; the runner then summarizes as usual.
 */
public interface PointScheduler {

    /** Returns where points run, for the sweep's first progress line, e.g. "Spark local[2]". */
    String description();

    /**
     * Runs the points and returns once each has finished, failed or stopped.
     *
     * @param pending the points to run
     * @param runner the sweep's runner (its output directory, plugin directory and files)
     * @param messages where progress lines go
     * @return one line per point that failed (not those stopped), naming its log
     */
    List<String> run(List<SweepPoint> pending, SweepRunner runner, Consumer<String> messages);

    /** Asks the running points to stop; each saves a checkpoint at its current step. Called from another thread. */
    void stop();
}
