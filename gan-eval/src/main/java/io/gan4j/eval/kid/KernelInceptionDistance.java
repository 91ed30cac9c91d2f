package io.gan4j.eval.kid;

import io.gan4j.eval.stats.MeanStd;
import io.gan4j.core.features.Distances;
import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.core.train.Seeds;

/**
 * {@code KernelInceptionDistance} is KID (Bińkowski et al. 2018) as torch-fidelity computes it: the
 * unbiased MMD² with the cubic polynomial kernel k(x, y) = (x·y / d + 1)³, averaged over random
 * subsets of size min(1000, n) drawn without replacement from each set; reported as mean and
 * standard deviation (ddof 0) over the subsets.
 */
public final class KernelInceptionDistance {

    /** torch-fidelity's default number of subsets. */
    public static final int SUBSETS = 100;
    /** torch-fidelity's default subset size. */
    public static final int SUBSET_SIZE = 1000;

    private KernelInceptionDistance() {}

    /**
     * The result.
     *
     * @param mean mean MMD² over subsets
     * @param std standard deviation over subsets
     * @param subsets number of subsets
     * @param subsetSize samples per subset
     */
    public record Result(double mean, double std, int subsets, int subsetSize) {}

    /** Returns KID with the default subsets, seeded. */
    public static Result compute(FeatureMatrix real, FeatureMatrix fake, long seed) {
        return compute(real, fake, SUBSETS, Math.min(SUBSET_SIZE, Math.min(real.rows(), fake.rows())), seed);
    }

    /** Returns KID over {@code subsets} subsets of {@code size} samples. */
    public static Result compute(FeatureMatrix real, FeatureMatrix fake, int subsets, int size, long seed) {
        if (size < 2 || size > real.rows() || size > fake.rows()) {
            throw new IllegalArgumentException("KID subset size must be in [2, min(n_real, n_fake)], was " + size);
        }
        double[] values = new double[subsets];
        for (int s = 0; s < subsets; s++) {
            FeatureMatrix x = subset(real, size, Seeds.mix(seed, 1, s));
            FeatureMatrix y = subset(fake, size, Seeds.mix(seed, 2, s));
            values[s] = unbiasedMmd2(x, y);
        }
        MeanStd stats = MeanStd.of(values);
        return new Result(stats.mean(), stats.std(), subsets, size);
    }

    /** Returns the unbiased MMD² of two equal-size sets with the cubic polynomial kernel. */
    public static double unbiasedMmd2(FeatureMatrix x, FeatureMatrix y) {
        int m = x.rows();
        double d = x.cols();
        double[] sums = new double[3];
        Distances.inner(x, x, 512, (start, rows, block) -> sums[0] += offDiagonalKernelSum(block, start, rows, m, d));
        Distances.inner(y, y, 512, (start, rows, block) -> sums[1] += offDiagonalKernelSum(block, start, rows, m, d));
        Distances.inner(x, y, 512, (start, rows, block) -> {
            for (double v : block) {
                sums[2] += cubicKernel(v, d);
            }
        });
        return (sums[0] + sums[1]) / ((double) m * (m - 1)) - 2 * sums[2] / ((double) m * m);
    }

    private static double offDiagonalKernelSum(double[] block, int start, int rows, int cols, double d) {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (start + i != j) {
                    sum += cubicKernel(block[i * cols + j], d);
                }
            }
        }
        return sum;
    }

    private static double cubicKernel(double dot, double d) {
        double k = dot / d + 1;
        return k * k * k;
    }

    private static FeatureMatrix subset(FeatureMatrix x, int size, long seed) {
        int[] order = Seeds.permutation(x.rows(), seed);
        double[] v = new double[size * x.cols()];
        for (int i = 0; i < size; i++) {
            System.arraycopy(x.values(), order[i] * x.cols(), v, i * x.cols(), x.cols());
        }
        return new FeatureMatrix(size, x.cols(), v);
    }
}
