package io.gan4j.eval.modes;

import io.gan4j.core.features.Distances;
import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.core.train.Seeds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code BirthdayParadox} is the birthday-paradox support test of Arora &amp; Zhang (2017): if
 * batches of s samples contain a duplicate with probability ≥ 1/2, the distribution's support is
 * about s². Their test inspects each batch's closest pairs by eye; here a pair counts as a duplicate
 * when its distance is below a threshold taken from real data: the 1st percentile of real samples'
 * nearest-neighbour distances within batches of the largest size tried (so real data of that batch
 * size shows duplicates in about 1% of cases or fewer).
 *
 * @param duplicateThreshold distance under which two samples count as duplicates
 * @param duplicateRate per batch size, the fraction of generated batches containing a duplicate
 * @param supportEstimate s² for the smallest batch size with a rate ≥ 1/2, or -1 when none reached it
 *     (the support is then larger than the square of the largest batch size)
 */
public record BirthdayParadox(double duplicateThreshold, Map<Integer, Double> duplicateRate, long supportEstimate) {

    /**
     * Runs the test.
     *
     * @param batchSizes batch sizes to try, ascending
     * @param trials batches per size
     */
    public static BirthdayParadox run(FeatureMatrix real, FeatureMatrix fake, int[] batchSizes, int trials, long seed) {
        int largest = batchSizes[batchSizes.length - 1];
        if (largest > real.rows() || largest > fake.rows()) {
            throw new IllegalArgumentException("batch size " + largest + " exceeds the samples available");
        }
        double[] realNearest = new double[trials * largest];
        for (int t = 0; t < trials; t++) {
            double[] nn = Distances.kthNeighbourDistances(batch(real, largest, Seeds.mix(seed, 1, t)), 1);
            System.arraycopy(nn, 0, realNearest, t * largest, largest);
        }
        java.util.Arrays.sort(realNearest);
        double threshold = realNearest[(int) (0.01 * (realNearest.length - 1))];
        Map<Integer, Double> rates = new LinkedHashMap<>();
        long support = -1;
        for (int s : batchSizes) {
            int withDuplicate = 0;
            for (int t = 0; t < trials; t++) {
                double[] nn = Distances.kthNeighbourDistances(batch(fake, s, Seeds.mix(seed, 2, s, t)), 1);
                double closest = java.util.Arrays.stream(nn).min().orElse(Double.POSITIVE_INFINITY);
                if (closest < threshold) {
                    withDuplicate++;
                }
            }
            double rate = withDuplicate / (double) trials;
            rates.put(s, rate);
            if (support < 0 && rate >= 0.5) {
                support = (long) s * s;
            }
        }
        return new BirthdayParadox(threshold, rates, support);
    }

    private static FeatureMatrix batch(FeatureMatrix x, int size, long seed) {
        int[] order = Seeds.permutation(x.rows(), seed);
        double[] v = new double[size * x.cols()];
        for (int i = 0; i < size; i++) {
            System.arraycopy(x.values(), order[i] * x.cols(), v, i * x.cols(), x.cols());
        }
        return new FeatureMatrix(size, x.cols(), v);
    }
}
