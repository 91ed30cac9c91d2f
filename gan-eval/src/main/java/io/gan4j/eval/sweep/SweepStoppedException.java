package io.gan4j.eval.sweep;

/** Thrown by {@link SweepRunner#run()} when {@link SweepRunner#stop()} stopped the sweep; running it again resumes it. */
public final class SweepStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param finished points finished when the sweep stopped (0 when stopped inside one point)
     * @param total points in the sweep
     */
    public SweepStoppedException(long finished, int total) {
        super(total == 0 ? "the sweep was stopped" : "the sweep was stopped with " + finished + " of " + total
                + " points finished; run it again to complete the others (each resumes from its newest checkpoint)");
    }
}
