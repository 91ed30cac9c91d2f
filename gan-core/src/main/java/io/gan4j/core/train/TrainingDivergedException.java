package io.gan4j.core.train;

/**
 * Thrown when a training loss stops being finite (NaN or infinite): the run cannot continue, and the
 * cure is in its settings (learning rate, data range), so front ends report it as a one-line error.
 * Checkpoints written before it stay valid.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the loss, the step and what to try. */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
