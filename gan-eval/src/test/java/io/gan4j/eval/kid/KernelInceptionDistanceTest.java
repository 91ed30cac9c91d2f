package io.gan4j.eval.kid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gan4j.core.features.FeatureMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class KernelInceptionDistanceTest {

    @Test
    void unbiasedMmdMatchesAHandComputedValue() {
        // d = 2, k(a,b) = (a·b/2 + 1)^3. XX off-diagonal: k((1,0),(0,1)) = 1 twice → 2/2 = 1; YY likewise 1;
        // XY: 3.375 + 1 + 3.375 + 1 = 8.75 → mean 2.1875. MMD² = 1 + 1 − 2·2.1875 = −2.375.
        FeatureMatrix x = new FeatureMatrix(2, 2, new double[] {1, 0, 0, 1});
        FeatureMatrix y = new FeatureMatrix(2, 2, new double[] {1, 1, 0, 0});
        assertThat(KernelInceptionDistance.unbiasedMmd2(x, y)).isCloseTo(-2.375, within(1e-12));
    }

    @Test
    void nearZeroForOneDistributionAndGrowingWithTheShift() {
        Random r = new Random(5);
        FeatureMatrix a = gaussian(r, 1500, 16, 0);
        KernelInceptionDistance.Result same = KernelInceptionDistance.compute(a, gaussian(r, 1500, 16, 0), 20, 500, 1);
        KernelInceptionDistance.Result near = KernelInceptionDistance.compute(a, gaussian(r, 1500, 16, 0.2), 20, 500, 1);
        KernelInceptionDistance.Result far = KernelInceptionDistance.compute(a, gaussian(r, 1500, 16, 0.6), 20, 500, 1);
        assertThat(Math.abs(same.mean())).isLessThan(3 * same.std() + 1e-3);
        assertThat(near.mean()).isGreaterThan(same.mean() + 3 * near.std());
        assertThat(far.mean()).isGreaterThan(near.mean());
        assertThat(same.subsetSize()).isEqualTo(500);
        // The default subset size is min(1000, n): here n = 300.
        assertThat(KernelInceptionDistance.compute(a.slice(0, 300), a.slice(300, 600), 1).subsetSize()).isEqualTo(300);
    }

    private static FeatureMatrix gaussian(Random r, int n, int d, double shift) {
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian() + shift;
        }
        return new FeatureMatrix(n, d, v);
    }
}
