package io.gan4j.eval.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.eval.samples.SampleSource;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** CAS separates informative labelled samples from mislabelled ones. */
final class ClassificationAccuracyScoreTest {

    private static final int D = 8;

    /** Samples of class c ~ N(μ_c, 1) with class means 3 apart; {@code scrambled} labels are random. */
    private static SampleSource source(int n, long seed, boolean scrambled) {
        Random random = new Random(seed);
        int[] labels = new int[n];
        float[] values = new float[n * D];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            for (int j = 0; j < D; j++) {
                values[i * D + j] = (float) (random.nextGaussian() + (j == c ? 3 : 0));
            }
            labels[i] = scrambled ? random.nextInt(3) : c;
        }
        return new SampleSource() {
            public String description() {
                return "gaussians";
            }

            public int size() {
                return n;
            }

            public Shape sampleShape() {
                return new Shape(D);
            }

            public NDArray batch(int start, int count, NDManager manager) {
                return manager.create(java.util.Arrays.copyOfRange(values, start * D, (start + count) * D), new Shape(count, D));
            }

            public Optional<int[]> labels() {
                return Optional.of(labels);
            }
        };
    }

    @Test
    void informativeSamplesScoreHighAndScrambledLabelsScoreChance() {
        SampleSource test = source(900, 2, false);
        var good = ClassificationAccuracyScore.evaluate(source(1500, 1, false), test, 5, 0);
        var scrambled = ClassificationAccuracyScore.evaluate(source(1500, 1, true), test, 5, 0);
        assertThat(good.accuracy()).isGreaterThan(0.9);
        assertThat(good.balancedAccuracy()).isGreaterThan(0.9);
        assertThat(scrambled.accuracy()).isLessThan(0.5);
        assertThat(good.trainCount()).isEqualTo(1500);
        assertThat(good.testCount()).isEqualTo(900);
    }

    @Test
    void unlabelledSamplesAreRejected() {
        SampleSource labelled = source(10, 1, false);
        SampleSource unlabelled = new SampleSource() {
            public String description() {
                return "no labels";
            }

            public int size() {
                return 10;
            }

            public Shape sampleShape() {
                return labelled.sampleShape();
            }

            public NDArray batch(int start, int count, NDManager manager) {
                return labelled.batch(start, count, manager);
            }
        };
        assertThatThrownBy(() -> ClassificationAccuracyScore.evaluate(unlabelled, labelled, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no labels has no labels");
    }
}
