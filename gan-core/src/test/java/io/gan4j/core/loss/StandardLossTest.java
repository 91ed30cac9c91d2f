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
        assertThat(StandardLoss.NON_SATURATING.generatorLoss(fake).getFloat()).isCloseTo(0.26133217f, within(1e-6f));
    }

    @Test
    void minimaxGeneratorMinimizesLogOneMinusD() {
        assertThat(StandardLoss.MINIMAX.discriminatorLoss(real, fake).getFloat()).isCloseTo(3.2314270f, within(1e-6f));
        assertThat(StandardLoss.MINIMAX.generatorLoss(fake).getFloat()).isCloseTo(-2.0113322f, within(1e-6f));
    }

    @Test
    void leastSquares() {
        // D: mean(0, 4.5) + mean(0.125, 4.5); G: mean(0.125, 2)
        assertThat(StandardLoss.LEAST_SQUARES.discriminatorLoss(real, fake).getFloat()).isCloseTo(4.5625f, within(1e-6f));
        assertThat(StandardLoss.LEAST_SQUARES.generatorLoss(fake).getFloat()).isCloseTo(1.0625f, within(1e-6f));
    }

    @Test
    void hinge() {
        // D: mean(0, 3) + mean(1.5, 4); G: -mean(0.5, 3)
        assertThat(StandardLoss.HINGE.discriminatorLoss(real, fake).getFloat()).isCloseTo(4.25f, within(1e-6f));
        assertThat(StandardLoss.HINGE.generatorLoss(fake).getFloat()).isCloseTo(-1.75f, within(1e-6f));
    }

    @Test
    void softplusStaysFiniteForLargeLogits() {
        NDArray extreme = manager.create(new float[] {-200f, 200f});
        assertThat(StandardLoss.NON_SATURATING.discriminatorLoss(extreme, extreme).getFloat()).isCloseTo(200f, within(1e-3f));
    }

    @Test
    void pluginContributesAllFourByName() {
        Map<String, LossFactory> byName = new java.util.HashMap<>();
        new StandardLossesPlugin().losses().forEach(f -> byName.put(f.name(), f));
        assertThat(byName).containsOnlyKeys("ns", "minimax", "lsgan", "hinge");
        assertThat(byName.get("hinge").create(null)).isSameAs(StandardLoss.HINGE);
    }
}
