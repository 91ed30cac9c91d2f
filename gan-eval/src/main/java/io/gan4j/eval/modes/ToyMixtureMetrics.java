package io.gan4j.eval.modes;

import java.util.List;

/**
 * {@code ToyMixtureMetrics} are the mode-collapse metrics of 2-D Gaussian mixtures as VEEGAN
 * (Srivastava et al. 2017) and PacGAN (Lin et al. 2018) report them: each sample belongs to its
 * nearest mode; it is high quality when within 3σ of that mode; a mode is covered when at least
 * {@code coverThreshold} high-quality samples belong to it (PacGAN uses 20 of 2,500, i.e. 0.8%);
 * reverse KL is KL(generated ‖ uniform) of the nearest-mode histogram of all samples.
 *
 * @param modes number of mixture modes
 * @param modesCovered modes with enough high-quality samples
 * @param highQualityFraction fraction of samples within 3σ of their nearest mode
 * @param reverseKl KL(generated mode histogram ‖ uniform), nats
 * @param histogram high-quality samples per mode
 */
public record ToyMixtureMetrics(int modes, int modesCovered, double highQualityFraction, double reverseKl, long[] histogram) {

    /**
     * Evaluates samples.
     *
     * @param points generated points, each {x, y}
     * @param centers mode centres
     * @param sigma the modes' standard deviation
     * @param coverThreshold high-quality samples a mode needs to count as covered
     */
    public static ToyMixtureMetrics evaluate(float[][] points, List<double[]> centers, double sigma, long coverThreshold) {
        int[] nearest = new int[points.length];
        int[] highQualityModes = new int[points.length];
        int highQuality = 0;
        for (int i = 0; i < points.length; i++) {
            double best = Double.MAX_VALUE;
            for (int k = 0; k < centers.size(); k++) {
                double d = Math.hypot(points[i][0] - centers.get(k)[0], points[i][1] - centers.get(k)[1]);
                if (d < best) {
                    best = d;
                    nearest[i] = k;
                }
            }
            if (best <= 3 * sigma) {
                highQualityModes[highQuality++] = nearest[i];
            }
        }
        double[] uniform = ModeHistogram.uniform(centers.size());
        ModeHistogram quality = ModeHistogram.of(java.util.Arrays.copyOf(highQualityModes, highQuality), uniform, coverThreshold);
        ModeHistogram all = ModeHistogram.of(nearest, uniform, 1);
        return new ToyMixtureMetrics(centers.size(), quality.modesCovered(), highQuality / (double) points.length, all.klToData(),
                quality.counts());
    }
}
