package io.gan4j.core.features;

import io.gan4j.core.engine.DeviceChoice;
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
        try (NDManager m = DeviceChoice.newBaseManager()) {
            NDArray bt = m.create(b.values(), new Shape(b.rows(), d)).transpose();
            double[] bNorms = distances ? bt.square().sum(new int[] {0}).toDoubleArray() : null;
            int columns = b.rows();
            for (int start = 0; start < a.rows(); start += blockRows) {
                int rows = Math.min(blockRows, a.rows() - start);
                try (NDManager scope = m.newSubManager()) {
                    double[] slice = new double[rows * d];
                    System.arraycopy(a.values(), start * d, slice, 0, slice.length);
                    NDArray x = scope.create(slice, new Shape(rows, d));
                    double[] block = x.matMul(bt).toDoubleArray();
                    if (distances) {
                        // |a|² + |b|² - 2 a·b, clamped at 0, square-rooted: the engine's GEMM and norms, the rest in one
                        // pass here rather than five elementwise passes over the block (the same operations, so the
                        // same bits).
                        double[] aNorms = x.square().sum(new int[] {1}).toDoubleArray();
                        for (int i = 0; i < rows; i++) {
                            double an = aNorms[i];
                            int offset = i * columns;
                            for (int j = 0; j < columns; j++) {
                                block[offset + j] = Math.sqrt(Math.max((an + bNorms[j]) - block[offset + j] * 2, 0));
                            }
                        }
                    }
                    consumer.accept(start, rows, block);
                }
            }
        }
    }

    /**
     * Returns, for each row of {@code x}, the distance to its k-th nearest other row (k = 1 is the
     * nearest neighbour; the row itself is not counted).
     */
    public static double[] kthNeighbourDistances(FeatureMatrix x, int k) {
        return kthNeighbourDistances(x, new int[] {k})[0];
    }

    /**
     * Returns, for each k of {@code ks} and each row of {@code x}, the distance to its k-th nearest other
     * row, from one pass over the distance matrix.
     *
     * @param x the rows
     * @param ks the neighbour ranks, each in [1, rows - 1]
     * @return radii[i][row] for ks[i]
     */
    public static double[][] kthNeighbourDistances(FeatureMatrix x, int... ks) {
        int largest = 0;
        for (int k : ks) {
            if (k < 1 || k >= x.rows()) {
                throw new IllegalArgumentException("k must be in [1, " + (x.rows() - 1) + "], was " + k);
            }
            largest = Math.max(largest, k);
        }
        double[][] radii = new double[ks.length][x.rows()];
        int n = x.rows();
        int keep = largest + 1;
        euclidean(x, x, 512, (start, rows, block) -> {
            double[] smallest = new double[keep];
            for (int i = 0; i < rows; i++) {
                int self = start + i;
                // The row's keep smallest distances, ascending, its own (exactly 0 despite rounding) among them.
                smallest[0] = 0;
                int filled = 1;
                int offset = i * n;
                for (int j = 0; j < n; j++) {
                    if (j == self) {
                        continue;
                    }
                    double v = block[offset + j];
                    if (filled < keep || v < smallest[keep - 1]) {
                        int p = filled < keep ? filled++ : keep - 1;  // grow the buffer, or drop its largest
                        while (p > 0 && smallest[p - 1] > v) {
                            smallest[p] = smallest[p - 1];
                            p--;
                        }
                        smallest[p] = v;
                    }
                }
                for (int q = 0; q < ks.length; q++) {
                    radii[q][self] = smallest[ks[q]];
                }
            }
        });
        return radii;
    }
}
