package io.gan4j.eval.classifier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.engine.DeviceChoice;
import io.gan4j.core.model.SampleClassifier;
import java.util.Arrays;

/**
 * {@code ClassificationAccuracy} measures a trained variant's {@link SampleClassifier} on labelled
 * test samples: the fraction classified as their label. Classes found without labels (InfoGAN's
 * categorical code) are first matched one-to-one to labels so that the most samples agree (the
 * Hungarian method on the contingency table), the usual unsupervised-clustering accuracy.
 *
 * @param count samples measured
 * @param accuracy fraction of samples whose (matched) class is their label
 * @param matched whether classes were matched to labels
 * @param labelOfClass for each class, the label it stands for (−1 when matched to none)
 * @param contingency [class][label] sample counts
 */
public record ClassificationAccuracy(int count, double accuracy, boolean matched, int[] labelOfClass, int[][] contingency) {

    private static final int BATCH = 500;

    /**
     * Classifies the first {@code count} samples of {@code test} and scores them against its labels.
     *
     * @throws IllegalArgumentException when the test set is unlabelled or does not fit the classifier
     */
    public static ClassificationAccuracy measure(SampleClassifier classifier, Dataset test, int count) {
        if (test.numClasses() == 0) {
            throw new IllegalArgumentException("accuracy needs labelled test data; " + test.description() + " has no labels");
        }
        int n = Math.min(count, test.size());
        int k = classifier.numClasses();
        int labels = test.numClasses();
        if (classifier.supervised() && k != labels) {
            throw new IllegalArgumentException("the classifier knows " + k + " classes, the test data has " + labels);
        }
        int size = Math.toIntExact(test.sampleShape().size());
        int[][] table = new int[k][labels];
        try (NDManager manager = DeviceChoice.newBaseManager()) {
            for (int start = 0; start < n; start += BATCH) {
                int m = Math.min(BATCH, n - start);
                float[] x = new float[m * size];
                for (int i = 0; i < m; i++) {
                    test.read(start + i, x, i * size);
                }
                try (NDManager scope = manager.newSubManager()) {
                    NDArray scores = classifier.classify(scope.create(x, new Shape(m).addAll(test.sampleShape())));
                    long[] predicted = scores.argMax(1).toLongArray();
                    for (int i = 0; i < m; i++) {
                        table[(int) predicted[i]][test.label(start + i)]++;
                    }
                }
            }
        }
        int[] labelOf = new int[k];
        if (classifier.supervised()) {
            for (int c = 0; c < k; c++) {
                labelOf[c] = c;
            }
        } else {
            labelOf = bestMatching(table);
        }
        int right = 0;
        for (int c = 0; c < k; c++) {
            right += labelOf[c] >= 0 ? table[c][labelOf[c]] : 0;
        }
        return new ClassificationAccuracy(n, (double) right / n, !classifier.supervised(), labelOf, table);
    }

    /**
     * Returns the one-to-one assignment of rows to columns with the largest total of {@code counts}
     * (−1 for rows left unassigned when there are more rows than columns), by the Hungarian method.
     */
    static int[] bestMatching(int[][] counts) {
        int rows = counts.length;
        int cols = counts[0].length;
        int n = Math.max(rows, cols);
        long max = 0;
        for (int[] row : counts) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        // Minimize max − count on a square matrix (padding cells cost max: they count nothing).
        long[][] cost = new long[n + 1][n + 1];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                cost[i][j] = max - (i <= rows && j <= cols ? counts[i - 1][j - 1] : 0);
            }
        }
        long[] u = new long[n + 1];
        long[] v = new long[n + 1];
        int[] p = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            long[] minv = new long[n + 1];
            Arrays.fill(minv, Long.MAX_VALUE);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                long delta = Long.MAX_VALUE;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        long cur = cost[i0][j] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] match = new int[rows];
        Arrays.fill(match, -1);
        for (int j = 1; j <= n; j++) {
            if (p[j] >= 1 && p[j] <= rows && j <= cols) {
                match[p[j] - 1] = j - 1;
            }
        }
        return match;
    }
}
