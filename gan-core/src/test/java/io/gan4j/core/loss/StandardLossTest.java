package io.gan4j.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks each loss against values computed by hand for real logits (1, −2) and fake logits (0.5, 3). */
final class StandardLossTest {

    private static NDManager manager;
    private static NDArray real;
    private static NDArray fake;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
        real = manager.create(new float[] {1f, -2f});
        fake = manager.create(new float[] {0.5f, 3f});
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void nonSaturatingMatchesBceWithLogits() {
        // D: mean(softplus(-1), softplus(2)) + mean(softplus(0.5), softplus(3)) = 1.2200948 + 2.0113322
        assertThat(StandardLoss.NON_SATURATING.discriminatorLoss(real, fake).getFloat()).isCloseTo(3.2314270f, within(1e-6f));
        // G: mean(softplus(-0.5), softplus(-3))
        assertThat(StandardLoss.NON_SATURATING.generatorLoss(null, fake).getFloat()).isCloseTo(0.26133217f, within(1e-6f));
    }

    @Test
    void minimaxGeneratorMinimizesLogOneMinusD() {
        assertThat(StandardLoss.MINIMAX.discriminatorLoss(real, fake).getFloat()).isCloseTo(3.2314270f, within(1e-6f));
        assertThat(StandardLoss.MINIMAX.generatorLoss(null, fake).getFloat()).isCloseTo(-2.0113322f, within(1e-6f));
    }

    @Test
    void onlyTheCrossEntropyDiscriminatorsEstimateTheLogDensityRatio() {
        for (StandardLoss loss : StandardLoss.values()) {
            assertThat(loss.logitEstimatesLogDensityRatio()).as(loss.name())
                    .isEqualTo(loss == StandardLoss.NON_SATURATING || loss == StandardLoss.MINIMAX);
        }
    }

    @Test
    void leastSquares() {
        // D: mean(0, 4.5) + mean(0.125, 4.5); G: mean(0.125, 2)
        assertThat(StandardLoss.LEAST_SQUARES.discriminatorLoss(real, fake).getFloat()).isCloseTo(4.5625f, within(1e-6f));
        assertThat(StandardLoss.LEAST_SQUARES.generatorLoss(null, fake).getFloat()).isCloseTo(1.0625f, within(1e-6f));
    }

    @Test
    void hinge() {
        // D: mean(0, 3) + mean(1.5, 4); G: -mean(0.5, 3)
        assertThat(StandardLoss.HINGE.discriminatorLoss(real, fake).getFloat()).isCloseTo(4.25f, within(1e-6f));
        assertThat(StandardLoss.HINGE.generatorLoss(null, fake).getFloat()).isCloseTo(-1.75f, within(1e-6f));
    }

    @Test
    void wasserstein() {
        // D: mean(0.5, 3) - mean(1, -2); G: -mean(0.5, 3)
        assertThat(StandardLoss.WASSERSTEIN.discriminatorLoss(real, fake).getFloat()).isCloseTo(2.25f, within(1e-6f));
        assertThat(StandardLoss.WASSERSTEIN.generatorLoss(null, fake).getFloat()).isCloseTo(-1.75f, within(1e-6f));
        assertThat(StandardLoss.WASSERSTEIN.factory().discriminatorSteps()).isEqualTo(5);
    }

    @Test
    void relativisticAverageMatchesRasganFormula() {
        // Values from math.log1p(math.exp(.)) in Python: D = mean sp(-(r - mean f)) + mean sp(f - mean r),
        // G = mean sp(-(f - mean r)) + mean sp(r - mean f), with mean r = -0.5, mean f = 1.75.
        assertThat(StandardLoss.RELATIVISTIC_AVERAGE.discriminatorLoss(real, fake).getFloat()).isCloseTo(4.8765643f, within(1e-5f));
        assertThat(StandardLoss.RELATIVISTIC_AVERAGE.generatorLoss(real, fake).getFloat()).isCloseTo(0.3765643f, within(1e-5f));
        assertThat(StandardLoss.RELATIVISTIC_AVERAGE.generatorUsesRealLogits()).isTrue();
        assertThat(StandardLoss.HINGE.generatorUsesRealLogits()).isFalse();
    }

    @Test
    void softplusStaysFiniteForLargeLogits() {
        NDArray extreme = manager.create(new float[] {-200f, 200f});
        assertThat(StandardLoss.NON_SATURATING.discriminatorLoss(extreme, extreme).getFloat()).isCloseTo(200f, within(1e-3f));
    }

    @Test
    void pluginContributesEveryLossByName() {
        Map<String, LossFactory> byName = new java.util.HashMap<>();
        new io.gan4j.core.plugin.StandardLossesPlugin().losses().forEach(f -> byName.put(f.name(), f));
        assertThat(byName).containsOnlyKeys("ns", "minimax", "lsgan", "hinge", "wgan", "ragan");
        assertThat(byName.get("hinge").create(null)).isSameAs(StandardLoss.HINGE);
    }
}
