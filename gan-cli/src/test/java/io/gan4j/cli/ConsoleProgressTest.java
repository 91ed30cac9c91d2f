package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
