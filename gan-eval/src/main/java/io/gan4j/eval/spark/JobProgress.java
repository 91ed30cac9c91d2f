package io.gan4j.eval.spark;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.spark.api.java.JavaFutureAction;

/**
 * Waits for a Spark job while printing how much of it is done, with its rate and ETA, every few
 * seconds when the count moved; the count comes from what the job leaves behind (shard files, point
 * results), which a running task updates long before Spark reports it finished.
 */
final class JobProgress {

    private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private JobProgress() {}

    /**
     * Returns the job's result once it finishes.
     *
     * @param job the running job
     * @param total the amount of work
     * @param done how much is done now
     * @param unit the work's unit, e.g. "samples"
     * @param messages where progress lines go
     */
    static <T> T await(JavaFutureAction<T> job, long total, LongSupplier done, String unit, Consumer<String> messages) throws Exception {
        long start = System.nanoTime();
        long startDone = done.getAsLong();
        long reported = startDone;
        while (true) {
            try {
                return job.get(EVERY_NANOS, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                long now = done.getAsLong();
                if (now != reported) {
                    reported = now;
                    double rate = (now - startDone) / ((System.nanoTime() - start) / 1e9);
                    long eta = rate > 0 ? Math.round((total - now) / rate) : -1;
                    messages.accept(String.format("spark: %d/%d %s, %.1f %s/s, eta %s", now, total, unit, rate, unit,
                            eta < 0 ? "?" : eta / 60 + "m" + String.format("%02d", eta % 60) + "s"));
                }
            }
        }
    }
}
