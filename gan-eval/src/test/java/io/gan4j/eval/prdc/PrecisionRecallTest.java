package io.gan4j.eval.prdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gan4j.core.features.FeatureMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class PrecisionRecallTest {

    private static FeatureMatrix gaussian(Random r, int n, int d, double shift) {
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian() + shift;
        }
        return new FeatureMatrix(n, d, v);
    }

    @Test
    void identicalSetsArePerfect() {
        FeatureMatrix x = gaussian(new Random(1), 300, 8, 0);
        PrecisionRecall.Result r = PrecisionRecall.compute(x, x, 3, 5);
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recall()).isEqualTo(1.0);
        assertThat(r.coverage()).isEqualTo(1.0);
        // Each real ball holds its centre and its k−1 nearer neighbours (the k-th lies on the boundary): density is exactly 1.
        assertThat(r.density()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void disjointSetsScoreZero() {
        Random random = new Random(2);
        PrecisionRecall.Result r = PrecisionRecall.compute(gaussian(random, 200, 8, 0), gaussian(random, 200, 8, 100), 3, 5);
        assertThat(r).isEqualTo(new PrecisionRecall.Result(0, 0, 0, 0));
    }

    @Test
    void aKnownFractionOfOutliersLowersPrecisionAndDensityByThatFraction() {
        Random random = new Random(3);
        FeatureMatrix real = gaussian(random, 500, 8, 0);
        double[] fake = real.values().clone();
        int outliers = 100;
        for (int i = 0; i < outliers * 8; i++) {
            fake[i] = 1000 + random.nextGaussian();
        }
        PrecisionRecall.Result r = PrecisionRecall.compute(real, new FeatureMatrix(500, 8, fake), 3, 5);
        assertThat(r.precision()).isEqualTo(0.8);
        assertThat(r.density()).isCloseTo(0.8, within(0.02));
        // The 20% of real points that were replaced are covered only by chance via neighbours' copies.
        assertThat(r.coverage()).isBetween(0.8, 1.0);
        assertThat(r.recall()).isBetween(0.8, 1.0);
    }

    @Test
    void sameDistributionScoresNearOneAndAShiftLowersEverything() {
        Random random = new Random(4);
        FeatureMatrix real = gaussian(random, 1000, 4, 0);
        PrecisionRecall.Result same = PrecisionRecall.compute(real, gaussian(random, 1000, 4, 0), 3, 5);
        PrecisionRecall.Result shifted = PrecisionRecall.compute(real, gaussian(random, 1000, 4, 1.5), 3, 5);
        assertThat(same.precision()).isGreaterThan(0.85);
        assertThat(same.recall()).isGreaterThan(0.85);
        assertThat(same.density()).isCloseTo(1.0, within(0.15));
        assertThat(same.coverage()).isGreaterThan(0.9);
        assertThat(shifted.precision()).isLessThan(same.precision() - 0.3);
        assertThat(shifted.coverage()).isLessThan(same.coverage() - 0.3);
    }
}
