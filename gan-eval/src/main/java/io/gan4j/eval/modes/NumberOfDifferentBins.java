package io.gan4j.eval.modes;

import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.core.features.KMeans;

/**
 * {@code NumberOfDifferentBins} is NDB (Richardson &amp; Weiss 2018): K-means bins are fitted on the
 * real samples; real and generated samples are assigned to their nearest bin centre; a bin is
 * statistically different when a two-proportion z-test rejects equal proportions at significance
 * 0.05 (|z| &gt; 1.96, pooled standard error). Reported: NDB, NDB/K and the Jensen–Shannon
 * divergence (nats) between the two bin histograms.
 *
 * @param k number of bins
 * @param differentBins bins whose proportions differ significantly
 * @param ndbOverK differentBins / k
 * @param jsDivergence JS divergence of the bin proportions, nats
 */
public record NumberOfDifferentBins(int k, int differentBins, double ndbOverK, double jsDivergence) {

    /** Two-sided 5% critical value of the standard normal. */
    public static final double Z_CRITICAL = 1.959963984540054;

    /** Computes NDB with k bins (the paper uses K = 100 on pixels) and a seeded K-means. */
    public static NumberOfDifferentBins compute(FeatureMatrix real, FeatureMatrix fake, int k, long seed) {
        FeatureMatrix centres = KMeans.fit(real, k, 50, seed);
        double[] p = proportions(KMeans.assign(real, centres), k);
        double[] q = proportions(KMeans.assign(fake, centres), k);
        double n1 = real.rows();
        double n2 = fake.rows();
        int different = 0;
        double js = 0;
        for (int i = 0; i < k; i++) {
            double pooled = (p[i] * n1 + q[i] * n2) / (n1 + n2);
            double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
            if (se > 0 && Math.abs(p[i] - q[i]) / se > Z_CRITICAL) {
                different++;
            }
            double m = (p[i] + q[i]) / 2;
            js += (p[i] > 0 ? 0.5 * p[i] * Math.log(p[i] / m) : 0) + (q[i] > 0 ? 0.5 * q[i] * Math.log(q[i] / m) : 0);
        }
        return new NumberOfDifferentBins(k, different, different / (double) k, js);
    }

    private static double[] proportions(int[] bins, int k) {
        double[] p = new double[k];
        for (int b : bins) {
            p[b] += 1.0 / bins.length;
        }
        return p;
    }
}
