package io.gan4j.eval.spark;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/** Turns a failed Spark job back into the exception its task threw, so users see gan4j's one-line errors. */
final class SparkFailures {

    private SparkFailures() {}

    /**
     * Returns the exception to throw for a job that failed with {@code e}: a task's
     * {@link IllegalArgumentException} (bad input) as itself, anything else as an
     * {@link IllegalStateException} naming the job.
     */
    static RuntimeException unwrap(Exception e, String job) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("the Spark " + job + " was interrupted", e);
        }
        if (e instanceof CancellationException) {
            return new IllegalStateException("the Spark " + job + " was cancelled", e);
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        // Spark reports a task's exception as a SparkException whose message holds the task's stack trace;
        // in local mode the original exception is its cause.
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException iae) {
                return iae;
            }
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse("");
        return new IllegalStateException("the Spark " + job + " failed: " + message, cause);
    }
}
