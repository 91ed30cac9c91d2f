package io.gan4j.eval.modes;

/**
 * A {@code ModeHistogram} counts generated samples per mode (a mixture component, a class, a
 * Stacked-MNIST digit triple) and compares it with the data's mode distribution: modes covered and
 * KL(generated ‖ data), the "reverse KL" of VEEGAN and PacGAN (empty generated bins add 0).
 *
 * @param counts samples per mode
 * @param coverThreshold samples a mode needs to count as covered
 * @param modesCovered modes with at least {@code coverThreshold} samples
 * @param klToData KL(generated ‖ data) in nats
 */
public record ModeHistogram(long[] counts, long coverThreshold, int modesCovered, double klToData) {

    /**
     * Builds the histogram of {@code modes} (each in [0, target.length)).
     *
     * @param modes the mode of each generated sample
     * @param target the data's mode probabilities, all &gt; 0, summing to 1
     * @param coverThreshold samples a mode needs to count as covered (≥ 1)
     */
    public static ModeHistogram of(int[] modes, double[] target, long coverThreshold) {
        long[] counts = new long[target.length];
        for (int m : modes) {
            counts[m]++;
        }
        int covered = 0;
        double kl = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] >= coverThreshold) {
                covered++;
            }
            if (counts[k] > 0) {
                double q = counts[k] / (double) modes.length;
                kl += q * Math.log(q / target[k]);
            }
        }
        return new ModeHistogram(counts, coverThreshold, covered, kl);
    }

    /** Returns the uniform distribution over {@code n} modes. */
    public static double[] uniform(int n) {
        double[] p = new double[n];
        java.util.Arrays.fill(p, 1.0 / n);
        return p;
    }
}
