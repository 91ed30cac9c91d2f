package io.gan4j.data.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gan4j.core.data.Dataset;
import org.junit.jupiter.api.Test;

final class ToyMixtureTest {

    @Test
    void ringPointsLieOnTheirModesWithTheStatedSpread() {
        ToyMixture ring = ToyMixture.ring8();
        Dataset d = ring.sample(8000, 1);
        float[] p = new float[2];
        double sq = 0;
        int[] counts = new int[8];
        for (int i = 0; i < d.size(); i++) {
            d.read(i, p, 0);
            double[] c = ring.centers().get(d.label(i));
            sq += Math.pow(p[0] - c[0], 2) + Math.pow(p[1] - c[1], 2);
            counts[d.label(i)]++;
        }
        assertThat(Math.sqrt(sq / (2 * d.size()))).isCloseTo(0.02, within(0.001));
        assertThat(ring.centers().get(2)[1]).isCloseTo(2.0, within(1e-12));
        for (int c : counts) {
            assertThat(c).isBetween(850, 1150);
        }
    }

    @Test
    void gridHasTwentyFiveModesTwoApart() {
        ToyMixture grid = ToyMixture.grid25();
        assertThat(grid.centers()).hasSize(25);
        assertThat(grid.centers().get(0)).containsExactly(-4.0, -4.0);
        assertThat(grid.centers().get(24)).containsExactly(4.0, 4.0);
        assertThat(grid.sigma()).isEqualTo(0.05);
    }
}
