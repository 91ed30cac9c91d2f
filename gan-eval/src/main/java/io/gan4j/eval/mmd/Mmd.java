package io.gan4j.eval.mmd;

/**
 * {@code Mmd} computes the unbiased estimator of the squared maximum mean discrepancy (Gretton et
 * al. 2012, eq. 3) between two samples, with a Gaussian RBF kernel k(x, y) = exp(−‖x−y‖² / (2σ²)):
 * <pre>
 * MMD²_u = 1/(m(m−1)) Σ_{i≠j} k(x_i, x_j) + 1/(n(n−1)) Σ_{i≠j} k(y_i, y_j) − 2/(mn) Σ_{i,j} k(x_i, y_j)
 * </pre>
 * Rows are samples, columns features; all sums in double precision.
 */
public final class Mmd {

    private Mmd() {}

    /**
     * Returns MMD²_u with a Gaussian kernel of bandwidth {@code sigma}.
     *
     * @param x m × d, m ≥ 2
     * @param y n × d, n ≥ 2
     */
    public static double gaussian(float[][] x, float[][] y, double sigma) {
        if (x.length < 2 || y.length < 2) {
            throw new IllegalArgumentException("MMD needs at least 2 samples per set, got " + x.length + " and " + y.length);
        }
        if (x[0].length != y[0].length) {
            throw new IllegalArgumentException("feature sizes differ: " + x[0].length + " vs " + y[0].length);
        }
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be > 0, was " + sigma);
        }
        double gamma = 1 / (2 * sigma * sigma);
        double xx = offDiagonalMean(x, gamma);
        double yy = offDiagonalMean(y, gamma);
        double xy = 0;
        for (float[] a : x) {
            for (float[] b : y) {
                xy += Math.exp(-gamma * squaredDistance(a, b));
            }
        }
        return xx + yy - 2 * xy / ((double) x.length * y.length);
    }

    /**
     * Returns the median pairwise Euclidean distance within the pooled samples (the "median
     * heuristic" bandwidth), over at most the first 500 rows of each set.
     */
    public static double medianDistance(float[][] x, float[][] y) {
        int nx = Math.min(x.length, 500);
        int ny = Math.min(y.length, 500);
        float[][] pooled = new float[nx + ny][];
        System.arraycopy(x, 0, pooled, 0, nx);
        System.arraycopy(y, 0, pooled, nx, ny);
        double[] d = new double[pooled.length * (pooled.length - 1) / 2];
        int k = 0;
        for (int i = 0; i < pooled.length; i++) {
            for (int j = i + 1; j < pooled.length; j++) {
                d[k++] = Math.sqrt(squaredDistance(pooled[i], pooled[j]));
            }
        }
        java.util.Arrays.sort(d);
        return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    }

    private static double offDiagonalMean(float[][] x, double gamma) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                sum += Math.exp(-gamma * squaredDistance(x[i], x[j]));
            }
        }
        return 2 * sum / ((double) x.length * (x.length - 1));
    }

    private static double squaredDistance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
