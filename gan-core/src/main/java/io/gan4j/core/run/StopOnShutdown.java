package io.gan4j.core.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs long work so that SIGINT (Ctrl-C) or SIGTERM stops it cleanly: a shutdown hook asks the work to
 * stop (e.g. {@link GanRun#stop()}, which saves a checkpoint at the current step) and holds the JVM until
 * the work has returned, for at most ten minutes. Without it the JVM would end mid-step.
 */
public final class StopOnShutdown {

    private StopOnShutdown() {}

    /**
     * Does {@code work}; on a shutdown signal, calls {@code stop} and waits for {@code work} to return.
     *
     * @param name the hook thread's name
     * @param stop asks the work, running in this thread, to stop
     * @param work the work
     * @param <T> what the work gives
     * @return what the work gave
     */
    public static <T> T call(String name, Runnable stop, Supplier<T> work) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.run();
            try {
                finished.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            finished.countDown();
            removeHook(hook);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: the JVM exits once it returns
        }
    }

    /** Returns whether the JVM is shutting down (a signal arrived), when exit codes are the signal's to give. */
    public static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
