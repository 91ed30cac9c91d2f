package io.gan4j.cli;

import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.event.TrainingListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A {@code ProgressReporter} shows training progress: a live progress bar with rate and ETA on a
 * terminal, plain lines (about twenty per run, with rate and ETA) otherwise.
 */
final class ProgressReporter implements TrainingListener {

    private boolean interrupted;

    private final PrintWriter out;
    private final boolean terminal;
    private ProgressBar bar;
    private long startStep;
    private long startNanos;
    private long every;

    ProgressReporter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void on(TrainingEvent event) {
        if (event instanceof TrainingEvent.RunStarted e) {
            startStep = e.startStep();
            startNanos = System.nanoTime();
            every = Math.max(1, (e.totalSteps() - e.startStep()) / 20);
            out.printf("training %s on %s: steps %d..%d (%d steps per epoch), run directory %s%n",
                    e.spec().variant(), e.spec().data(), e.startStep(), e.totalSteps(), e.stepsPerEpoch(), e.runDirectory());
            out.flush();
            if (terminal) {
                bar = bar(out, "train", e.totalSteps()).startsFrom(e.startStep(), Duration.ZERO).setUnit(" steps", 1).build();
            }
        } else if (event instanceof TrainingEvent.StepCompleted e) {
            String losses = format(e.losses());
            if (bar != null) {
                bar.stepTo(e.step());
                bar.setExtraMessage(String.format(" %.0f img/s %s", e.imagesPerSecond(), losses));
            } else if (e.step() % every == 0 || e.step() == e.totalSteps()) {
                double elapsed = (System.nanoTime() - startNanos) / 1e9;
                double rate = (e.step() - startStep) / elapsed;
                long eta = rate > 0 ? Math.round((e.totalSteps() - e.step()) / rate) : 0;
                out.printf("step %d/%d (%.0f%%) epoch %d, %.1f steps/s, %.0f img/s, eta %s, %s%n", e.step(), e.totalSteps(),
                        100.0 * e.step() / e.totalSteps(), e.epoch(), rate, e.imagesPerSecond(), duration(eta), losses);
                out.flush();
            }
        } else if (event instanceof TrainingEvent.Interrupted) {
            interrupted = true;
        } else if (event instanceof TrainingEvent.RunFinished e) {
            close(bar, out);
            if (!interrupted) {
                out.printf("finished %d steps in %s; final weights in %s%n", e.step(), duration(e.elapsed().toSeconds()), e.modelDirectory());
            }
            out.flush();
        }
    }

    /**
     * Returns a builder of a progress bar with rate and ETA that {@code out} draws in place, each
     * rendering after a carriage return; {@link #close} ends it. ASCII, so any terminal shows it.
     */
    static ProgressBarBuilder bar(PrintWriter out, String task, long total) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII).showSpeed()
                .setUpdateIntervalMillis(250).setConsumer(new DelegatingProgressBarConsumer(line -> {
                    out.print('\r');
                    out.print(line);
                    out.flush();
                }));
    }

    /** Draws {@code bar} (if any) a last time and ends its line on {@code out}. */
    static void close(ProgressBar bar, PrintWriter out) {
        if (bar != null) {
            bar.close();
            out.println();
            out.flush();
        }
    }

    private static String format(Map<String, Float> losses) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(losses).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(String.format("%.3f", v)));
        return sb.toString();
    }

    /** Formats seconds as {@code 1h05m} or {@code 4m10s}. */
    static String duration(long seconds) {
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
}
