package io.gan4j.core.config;

import java.util.Objects;

/**
 * A {@code RunResume} records one continuation of a run in its {@code run.json}, beside the run's
 * creation provenance, which resuming never changes.
 *
 * @param fromStep the step the run continued from
 * @param steps the budget the run then trained to
 * @param provenance where and with what it continued (versions, engine, threads, time)
 */
public record RunResume(long fromStep, long steps, RunProvenance provenance) {

    /** Checks the fields. */
    public RunResume {
        Objects.requireNonNull(provenance, "provenance is null");
        if (fromStep < 0 || steps < fromStep) {
            throw new IllegalArgumentException("a resume goes from step " + fromStep + " to " + steps);
        }
    }
}
