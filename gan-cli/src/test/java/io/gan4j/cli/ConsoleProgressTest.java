package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void plainLinesShowEachTenthWithRateAndEtaOnceATaskHasRunTwoSeconds() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false, clock::get);
        progress.update("k-means++ start", 1, 3);
        progress.update("k-means++ start", 3, 3);
        // One update per second of a 30-unit task.
        for (int done = 1; done <= 30; done++) {
            clock.addAndGet(1_000_000_000L);
            progress.update("k-means", done, 30);
        }
        // The quick first task printed nothing; the second starts showing at 2 s (6 %, below the first tenth).
        assertThat(text.toString().lines().toList()).hasSize(10).startsWith("k-means: 3/30 (10%), 1.00/s, eta 0m27s")
                .endsWith("k-means: 30/30 (100%), 1.00/s, eta 0m00s");

        // A task of the same name starts over after it has ended.
        progress.update("k-means", 0, 30);
        clock.addAndGet(3_000_000_000L);
        progress.update("k-means", 15, 30);
        assertThat(text.toString().lines().toList()).hasSize(11).last().isEqualTo("k-means: 15/30 (50%), 5.00/s, eta 0m03s");
    }

    @Test
    void aTerminalGetsOneBarPerTaskDrawnInPlaceOnTheErrorStream() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), true);
        progress.update("k-means++ start", 0, 8);
        progress.update("k-means++ start", 8, 8);
        progress.update("k-means", 12, 30);
        // k-means settled early and the next task begins: its bar is ended, not left running.
        progress.update("reading images", 5, 5);
        // Split on newlines only: String.lines() would split at the carriage returns too.
        List<String> lines = List.of(text.toString().split("\n"));
        assertThat(lines).hasSize(3);
        // Each line is the last drawing of its bar after the carriage returns that redrew it in place.
        assertThat(lines.get(0)).startsWith("\r").containsPattern("k-means\\+\\+ start +100% \\[=+\\] 8/8");
        assertThat(lines.get(1)).containsPattern("k-means +40% \\[=+ +\\] 12/30");
        assertThat(lines.get(2)).containsPattern("reading images +100% \\[=+\\] 5/5");
        assertThat(lines.stream().map(l -> l.substring(l.lastIndexOf('\r') + 1))).allMatch(l -> l.contains("/s"));
    }
}
