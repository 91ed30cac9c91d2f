package io.gan4j.eval.modes;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.features.FeatureMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class NdbAndBirthdayTest {

    /** A mixture of 20 well-separated clusters; {@code modes} limits which ones samples come from. */
    private static FeatureMatrix clusters(int n, int modes, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n * 4];
        for (int i = 0; i < n; i++) {
            int m = r.nextInt(modes);
            for (int j = 0; j < 4; j++) {
                v[i * 4 + j] = 10 * ((m >> j) & 1) + 10 * (m / 16) * (j == 0 ? 1 : 0) + 0.3 * r.nextGaussian() + m * 0.05;
            }
        }
        return new FeatureMatrix(n, 4, v);
    }

    @Test
    void ndbFindsFewDifferentBinsForTheSameDistributionAndManyForACollapsedOne() {
        FeatureMatrix real = clusters(4000, 20, 1);
        NumberOfDifferentBins same = NumberOfDifferentBins.compute(real, clusters(4000, 20, 2), 20, 0);
        NumberOfDifferentBins collapsed = NumberOfDifferentBins.compute(real, clusters(4000, 4, 3), 20, 0);
        // At significance 0.05 about 1 in 20 bins differs by chance.
        assertThat(same.differentBins()).isLessThanOrEqualTo(3);
        assertThat(collapsed.differentBins()).isGreaterThanOrEqualTo(15);
        assertThat(collapsed.jsDivergence()).isGreaterThan(10 * same.jsDivergence());
        assertThat(same.ndbOverK()).isEqualTo(same.differentBins() / 20.0);
    }

    @Test
    void birthdayTestSeesTheSmallSupportOfAGeneratorThatRepeatsItself() {
        Random r = new Random(4);
        double[] realValues = new double[2000 * 8];
        for (int i = 0; i < realValues.length; i++) {
            realValues[i] = r.nextGaussian();
        }
        FeatureMatrix real = new FeatureMatrix(2000, 8, realValues);
        // A generator with only 100 distinct outputs: duplicates in batches of ~12 half the time (support ≈ 100).
        double[] fakeValues = new double[2000 * 8];
        for (int i = 0; i < 2000; i++) {
            System.arraycopy(realValues, (i % 100) * 8, fakeValues, i * 8, 8);
        }
        BirthdayParadox repeating = BirthdayParadox.run(real, new FeatureMatrix(2000, 8, fakeValues), new int[] {10, 20, 50}, 30, 1);
        BirthdayParadox diverse = BirthdayParadox.run(real, new FeatureMatrix(2000, 8, realValues.clone()), new int[] {10, 20, 50}, 30, 2);
        assertThat(repeating.duplicateRate().get(50)).isGreaterThan(0.9);
        assertThat(repeating.supportEstimate()).isBetween(100L, 400L);
        assertThat(diverse.supportEstimate()).isEqualTo(-1);
        assertThat(diverse.duplicateRate().get(10)).isLessThan(0.2);
    }
}
