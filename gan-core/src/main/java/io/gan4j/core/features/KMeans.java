package io.gan4j.core.features;

import io.gan4j.core.event.Progress;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code KMeans} clusters feature rows with Lloyd's algorithm from a seeded k-means++ start; the
 * distance work runs blocked on the DJL engine ({@link Distances}).
 */
public final class KMeans {

    /** The progress task of drawing the k-means++ start, one unit per centre. */
    public static final String START_TASK = "k-means++ start";

    /** The progress task of Lloyd's iterations, one unit per iteration. */
    public static final String LLOYD_TASK = "k-means";

    private KMeans() {}

    /**
     * Returns k centroids of {@code x}.
     *
     * @param iterations at most this many Lloyd iterations (stops early when assignments settle)
     */
    public static FeatureMatrix fit(FeatureMatrix x, int k, int iterations, long seed) {
        return lloyd(x, k, iterations, seed, Progress.NONE).centroids();
    }

    /**
     * Returns the cluster of each row of {@code x}: the nearest of the k centroids {@link #fit} finds,
     * reporting progress as two tasks, {@value #START_TASK} (centres drawn) and {@value #LLOYD_TASK}
     * (iterations).
     *
     * @param iterations at most this many Lloyd iterations (stops early when assignments settle)
     */
    public static int[] labels(FeatureMatrix x, int k, int iterations, long seed, Progress progress) {
        Fit fit = lloyd(x, k, iterations, seed, progress);
        // Settled assignments are those of the final centroids, which are their means.
        return fit.settled() ? fit.assignment() : assign(x, fit.centroids());
    }

    /** The centroids after the last update, and the assignment they were computed from. */
    private record Fit(FeatureMatrix centroids, int[] assignment, boolean settled) {}

    private static Fit lloyd(FeatureMatrix x, int k, int iterations, long seed, Progress progress) {
        if (k < 1 || k > x.rows()) {
            throw new IllegalArgumentException("k must be in [1, " + x.rows() + "], was " + k);
        }
        int d = x.cols();
        SplittableRandom random = new SplittableRandom(seed);
        double[] centroids = new double[k * d];
        // k-means++: each new centre is drawn with probability proportional to the squared distance to the nearest one.
        double[] nearest = new double[x.rows()];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        double[] values = x.values();
        int first = random.nextInt(x.rows());
        System.arraycopy(values, first * d, centroids, 0, d);
        progress.update(START_TASK, 1, k);
        for (int c = 1; c < k; c++) {
            // One centre against every row is a matrix-vector product: plain loops beat copying the rows to the engine.
            int last = (c - 1) * d;
            for (int i = 0; i < x.rows(); i++) {
                double squared = 0;
                for (int j = 0, row = i * d; j < d; j++) {
                    double diff = values[row + j] - centroids[last + j];
                    squared += diff * diff;
                }
                nearest[i] = Math.min(nearest[i], squared);
            }
            double total = 0;
            for (double squared : nearest) {
                total += squared;
            }
            double target = random.nextDouble() * total;
            int chosen = x.rows() - 1;
            for (int i = 0; i < x.rows(); i++) {
                target -= nearest[i];
                if (target <= 0) {
                    chosen = i;
                    break;
                }
            }
            System.arraycopy(values, chosen * d, centroids, c * d, d);
            progress.update(START_TASK, c + 1, k);
        }
        int[] assignment = new int[x.rows()];
        Arrays.fill(assignment, -1);
        boolean settled = false;
        for (int it = 0; it < iterations; it++) {
            int[] next = assign(x, new FeatureMatrix(k, d, centroids));
            if (Arrays.equals(next, assignment)) {
                settled = true;
                progress.update(LLOYD_TASK, iterations, iterations);
                break;
            }
            assignment = next;
            double[] sums = new double[k * d];
            int[] counts = new int[k];
            for (int i = 0; i < x.rows(); i++) {
                counts[assignment[i]]++;
                for (int j = 0; j < d; j++) {
                    sums[assignment[i] * d + j] += values[i * d + j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < d; j++) {
                        centroids[c * d + j] = sums[c * d + j] / counts[c];
                    }
                }
            }
            progress.update(LLOYD_TASK, it + 1, iterations);
        }
        return new Fit(new FeatureMatrix(k, d, centroids), assignment, settled);
    }

    /** Returns the index of each row's nearest centroid. */
    public static int[] assign(FeatureMatrix x, FeatureMatrix centroids) {
        int[] out = new int[x.rows()];
        int k = centroids.rows();
        Distances.euclidean(x, centroids, 2048, (start, rows, block) -> {
            for (int i = 0; i < rows; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (block[i * k + c] < block[i * k + best]) {
                        best = c;
                    }
                }
                out[start + i] = best;
            }
        });
        return out;
    }
}
