package io.gan4j.eval.stats;

/**
 * A value with its spread over subsets or splits.
 *
 * @param mean the mean
 * @param std the standard deviation
 */
public record MeanStd(double mean, double std) {

    /** Returns the mean and the population standard deviation (ddof 0, as {@code np.std}) of the values. */
    public static MeanStd of(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        return new MeanStd(mean, Math.sqrt(var / values.length));
    }
}
