package io.gan4j.core.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * {@code Distances} computes Euclidean distance and inner-product matrices between feature sets in
 * float64 blocks on the DJL engine (BLAS), so 10,000 × 10,000 problems stay fast and bounded in memory.
 */
public final class Distances {

    private Distances() {}

    /** Receives one block of a matrix: rows [rowStart, rowStart + rows) of the result, row-major. */
    @FunctionalInterface
    public interface BlockConsumer {
        /** Accepts a block of {@code rows} rows (all columns). */
        void accept(int rowStart, int rows, double[] block);
    }

    /** Streams the Euclidean distances between the rows of {@code a} and {@code b}, in row blocks. */
    public static void euclidean(FeatureMatrix a, FeatureMatrix b, int blockRows, BlockConsumer consumer) {
        products(a, b, blockRows, true, consumer);
    }

    /** Streams the inner products a_i · b_j, in row blocks. */
    public static void inner(FeatureMatrix a, FeatureMatrix b, int blockRows, BlockConsumer consumer) {
        products(a, b, blockRows, false, consumer);
    }

    private static void products(FeatureMatrix a, FeatureMatrix b, int blockRows, boolean distances, BlockConsumer consumer) {
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException("feature sizes differ: " + a.cols() + " vs " + b.cols());
        }
        int d = a.cols();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray bt = m.create(b.values(), new Shape(b.rows(), d)).transpose();
            NDArray bNorms = distances ? bt.square().sum(new int[] {0}, true) : null;
            for (int start = 0; start < a.rows(); start += blockRows) {
                int rows = Math.min(blockRows, a.rows() - start);
                try (NDManager scope = m.newSubManager()) {
                    double[] slice = new double[rows * d];
                    System.arraycopy(a.values(), start * d, slice, 0, slice.length);
                    NDArray x = scope.create(slice, new Shape(rows, d));
                    NDArray product = x.matMul(bt);
                    if (distances) {
                        NDArray aNorms = x.square().sum(new int[] {1}, true);
                        product = aNorms.add(bNorms).sub(product.mul(2)).maximum(0).sqrt();
                    }
                    consumer.accept(start, rows, product.toDoubleArray());
                }
            }
        }
    }

    /**
     * Returns, for each row of {@code x}, the distance to its k-th nearest other row (k = 1 is the
     * nearest neighbour; the row itself is not counted).
     */
    public static double[] kthNeighbourDistances(FeatureMatrix x, int k) {
        if (k < 1 || k >= x.rows()) {
            throw new IllegalArgumentException("k must be in [1, " + (x.rows() - 1) + "], was " + k);
        }
        double[] radii = new double[x.rows()];
        euclidean(x, x, 512, (start, rows, block) -> {
            int n = x.rows();
            double[] row = new double[n];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(block, i * n, row, 0, n);
                row[start + i] = 0; // itself, exactly 0 despite rounding
                radii[start + i] = kthSmallest(row, k);
            }
        });
        return radii;
    }

    /** Returns the k-th smallest value (0-based index k of the sorted array); reorders {@code values}. */
    static double kthSmallest(double[] values, int k) {
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            double pivot = values[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }
}
