package io.gan4j.eval.mmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class MmdTest {

    @Test
    void matchesAHandComputedValue() {
        // x = {0, 1}, y = {0, 2} in 1-D, sigma = 1: k(a,b) = exp(-(a-b)^2 / 2)
        // xx = k(0,1) = e^-0.5; yy = k(0,2) = e^-2; xy = (k(0,0) + k(0,2) + k(1,0) + k(1,2)) / 4 = (1 + e^-2 + 2e^-0.5) / 4
        float[][] x = {{0}, {1}};
        float[][] y = {{0}, {2}};
        double expected = Math.exp(-0.5) + Math.exp(-2) - 2 * (1 + Math.exp(-2) + 2 * Math.exp(-0.5)) / 4;
        assertThat(Mmd.gaussian(x, y, 1.0)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void isNearZeroForSamplesOfOneDistributionAndGrowsWithTheShift() {
        Random r = new Random(1);
        float[][] a = gaussian(r, 300, 0);
        float[][] b = gaussian(r, 300, 0);
        float[][] c = gaussian(r, 300, 0.5f);
        float[][] d = gaussian(r, 300, 1.5f);
        double sigma = Mmd.medianDistance(a, b);
        double same = Mmd.gaussian(a, b, sigma);
        double near = Mmd.gaussian(a, c, sigma);
        double far = Mmd.gaussian(a, d, sigma);
        assertThat(Math.abs(same)).isLessThan(0.01);
        assertThat(near).isGreaterThan(5 * Math.abs(same));
        assertThat(far).isGreaterThan(near);
    }

    private static float[][] gaussian(Random r, int n, float shift) {
        float[][] x = new float[n][5];
        for (float[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) r.nextGaussian() + shift;
            }
        }
        return x;
    }
}
