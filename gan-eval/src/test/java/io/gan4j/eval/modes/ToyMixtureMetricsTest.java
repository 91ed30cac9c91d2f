package io.gan4j.eval.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class ToyMixtureMetricsTest {

    private static final double SIGMA = 0.02;

    private static List<double[]> ring() {
        List<double[]> c = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            c.add(new double[] {2 * Math.cos(2 * Math.PI * k / 8), 2 * Math.sin(2 * Math.PI * k / 8)});
        }
        return c;
    }

    private static float[][] sample(List<double[]> modes, int n, double sigma, Random r) {
        float[][] p = new float[n][2];
        for (int i = 0; i < n; i++) {
            double[] c = modes.get(r.nextInt(modes.size()));
            p[i][0] = (float) (c[0] + sigma * r.nextGaussian());
            p[i][1] = (float) (c[1] + sigma * r.nextGaussian());
        }
        return p;
    }

    @Test
    void aGoodGeneratorCoversEveryModeWithHighQuality() {
        ToyMixtureMetrics m = ToyMixtureMetrics.evaluate(sample(ring(), 2500, SIGMA, new Random(1)), ring(), SIGMA, 20);
        assertThat(m.modesCovered()).isEqualTo(8);
        assertThat(m.highQualityFraction()).isGreaterThan(0.98);
        assertThat(m.reverseKl()).isLessThan(0.01);
    }

    @Test
    void aCollapsedGeneratorIsCaught() {
        ToyMixtureMetrics m = ToyMixtureMetrics.evaluate(sample(ring().subList(0, 1), 2500, SIGMA, new Random(2)), ring(), SIGMA, 20);
        assertThat(m.modesCovered()).isEqualTo(1);
        assertThat(m.reverseKl()).isCloseTo(Math.log(8), within(1e-9));
    }

    @Test
    void blurrySamplesCoverModesButLoseQuality() {
        ToyMixtureMetrics m = ToyMixtureMetrics.evaluate(sample(ring(), 2500, 0.3, new Random(3)), ring(), SIGMA, 20);
        assertThat(m.highQualityFraction()).isLessThan(0.05);
        assertThat(m.modesCovered()).isLessThan(8);
    }

    @Test
    void modeHistogramKlIsZeroOnTargetAndLogOfModesWhenCollapsed() {
        assertThat(ModeHistogram.of(new int[] {0, 1, 2, 3}, ModeHistogram.uniform(4), 1).klToData()).isCloseTo(0, within(1e-12));
        ModeHistogram collapsed = ModeHistogram.of(new int[] {2, 2, 2}, ModeHistogram.uniform(4), 1);
        assertThat(collapsed.klToData()).isCloseTo(Math.log(4), within(1e-12));
        assertThat(collapsed.modesCovered()).isEqualTo(1);
        assertThat(collapsed.counts()).containsExactly(0, 0, 3, 0);
    }
}
