package io.gan4j.eval.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.model.SampleClassifier;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The matching against brute force, and accuracies with and without matching on a classifier whose answers are known. */
final class ClassificationAccuracyTest {

    @Test
    void theHungarianMatchingFindsTheBestOfAllPermutations() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(6);
            int[][] counts = new int[rows][cols];
            for (int[] row : counts) {
                for (int j = 0; j < cols; j++) {
                    row[j] = random.nextInt(20);
                }
            }
            int[] match = ClassificationAccuracy.bestMatching(counts);
            int total = 0;
            boolean[] taken = new boolean[cols];
            for (int i = 0; i < rows; i++) {
                if (match[i] >= 0) {
                    assertThat(taken[match[i]]).isFalse();
                    taken[match[i]] = true;
                    total += counts[i][match[i]];
                }
            }
            assertThat(total).as("trial %d", trial).isEqualTo(bruteForce(counts, 0, new boolean[cols]));
        }
    }

    private static int bruteForce(int[][] counts, int row, boolean[] taken) {
        if (row == counts.length) {
            return 0;
        }
        int best = bruteForce(counts, row + 1, taken);
        for (int j = 0; j < taken.length; j++) {
            if (!taken[j]) {
                taken[j] = true;
                best = Math.max(best, counts[row][j] + bruteForce(counts, row + 1, taken));
                taken[j] = false;
            }
        }
        return best;
    }

    /** Samples are their label's value; the classifier answers (label + 1) mod 3, except that it calls 5 was 4 "0". */
    @Test
    void unsupervisedClassesAreMatchedToLabelsAndSupervisedOnesAreNot() {
        Dataset data = new Dataset() {
            @Override
            public String description() {
                return "labels";
            }

            @Override
            public int size() {
                return 30;
            }

            @Override
            public Shape sampleShape() {
                return new Shape(1);
            }

            @Override
            public int numClasses() {
                return 3;
            }

            @Override
            public void read(int index, float[] into, int offset) {
                into[offset] = label(index);
            }

            @Override
            public int label(int index) {
                return index % 3;
            }
        };
        ClassificationAccuracy unsupervised = ClassificationAccuracy.measure(shifted(false), data, 30);
        // Classes 0, 1, 2 stand for labels 2, 0, 1; 5 of the 10 samples of label 1 land in class 0 instead of 2.
        assertThat(unsupervised.matched()).isTrue();
        assertThat(unsupervised.labelOfClass()).containsExactly(2, 0, 1);
        assertThat(unsupervised.accuracy()).isEqualTo(25 / 30.0);
        ClassificationAccuracy supervised = ClassificationAccuracy.measure(shifted(true), data, 30);
        assertThat(supervised.matched()).isFalse();
        assertThat(supervised.accuracy()).isEqualTo(0);
    }

    private static SampleClassifier shifted(boolean supervised) {
        return new SampleClassifier() {
            @Override
            public int numClasses() {
                return 3;
            }

            @Override
            public boolean supervised() {
                return supervised;
            }

            @Override
            public NDArray classify(NDArray samples) {
                float[] x = samples.toFloatArray();
                float[] scores = new float[x.length * 3];
                for (int i = 0; i < x.length; i++) {
                    int label = (int) x[i];
                    int c = label == 1 && i % 2 == 0 ? 0 : (label + 1) % 3;
                    scores[3 * i + c] = 1;
                }
                return samples.getManager().create(scores, new Shape(x.length, 3));
            }
        };
    }
}
