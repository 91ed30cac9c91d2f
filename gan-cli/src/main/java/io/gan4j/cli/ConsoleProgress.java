package io.gan4j.cli;

import io.gan4j.core.event.Progress;
import java.io.PrintWriter;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;

/**
 * A {@code ConsoleProgress} shows long work outside the training loop, such as clustering a dataset
 * before training on it: a progress bar with rate and ETA per task on a terminal, otherwise a plain
 * line with rate and ETA at each further tenth of a task that has run for {@value #QUIET_SECONDS} s.
 */
final class ConsoleProgress implements Progress {

    /** Tasks that finish sooner print no plain lines. */
    private static final long QUIET_SECONDS = 2;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private String task;
    private ProgressBar bar;
    private long startNanos;
    private long startDone;
    private long shownTenths;

    ConsoleProgress(PrintWriter out, boolean terminal) {
        this(out, terminal, System::nanoTime);
    }

    ConsoleProgress(PrintWriter out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        if (!task.equals(this.task)) {
            // A task that stopped short (its work failed or was cut) ends its bar here.
            ProgressReporter.close(bar, out);
            bar = null;
            this.task = task;
            startNanos = nanoTime.getAsLong();
            startDone = done;
            shownTenths = 0;
            if (terminal) {
                bar = ProgressReporter.bar(out, task, total).build();
            }
        }
        if (bar != null) {
            bar.stepTo(done);
        } else {
            double seconds = (nanoTime.getAsLong() - startNanos) / 1e9;
            long tenths = 10 * done / total;
            // The first report comes after some work, so the rate counts from it.
            double rate = (done - startDone) / seconds;
            if (tenths > shownTenths && seconds >= QUIET_SECONDS && rate > 0) {
                shownTenths = tenths;
                out.printf("%s: %d/%d (%.0f%%), %.2f/s, eta %s%n", task, done, total, 100.0 * done / total, rate,
                        ProgressReporter.duration(Math.round((total - done) / rate)));
                out.flush();
            }
        }
        if (done >= total) {
            ProgressReporter.close(bar, out);
            bar = null;
            this.task = null;
        }
    }
}
