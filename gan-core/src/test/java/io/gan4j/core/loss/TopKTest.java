package io.gan4j.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.gan4j.core.io.Json;
import io.gan4j.core.config.Regularization;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks {@link TopK}: the schedule of k, and that G's gradient is the paper's (the loss averaged over the top k only). */
final class TopKTest {

    @Test
    void kShrinksByGammaPerEpochDownToNu() {
        TopK fast = new TopK(0.25, 0.5);
        assertThat(fast.k(64, 0)).isEqualTo(64);
        assertThat(fast.k(64, 1)).isEqualTo(32);
        assertThat(fast.k(64, 2)).isEqualTo(16);
        assertThat(fast.k(64, 7)).isEqualTo(16);
        // The paper's schedule: 0.99 per epoch, so after 10 epochs ceil(64 · 0.904) = 58 of 64.
        assertThat(new TopK(0.5, TopK.DEFAULT_GAMMA).k(64, 10)).isEqualTo(58);
        assertThat(new TopK(0.5, TopK.DEFAULT_GAMMA).k(64, 1000)).isEqualTo(32);
        assertThat(new TopK(0.01, 0.5).k(3, 5)).isEqualTo(1);
        assertThat(TopK.NONE.keepsEverySample()).isTrue();
        assertThat(TopK.NONE.k(64, 1000)).isEqualTo(64);
        assertThat(new TopK(0.5, 0.99).keepsEverySample()).isFalse();
    }

    @Test
    void rejectsFractionsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new TopK(0, 0.99)).hasMessage("top-k fraction nu must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> new TopK(1.5, 0.99)).hasMessage("top-k fraction nu must be in (0, 1], was 1.5");
        assertThatThrownBy(() -> new TopK(0.5, 0)).hasMessage("top-k decay gamma must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> new TopK(0.5, Double.NaN)).hasMessage("top-k decay gamma must be in (0, 1], was NaN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MXNet", "PyTorch"})
    void generatorGradientIsThatOfTheLossOverTheTopKOnly(String engine) {
        float[] x = {3f, -1f, 2f, 0.5f, -2f, 1f};
        TopK half = new TopK(0.5, 0.5);
        try (NDManager m = Engine.getEngine(engine).newBaseManager()) {
            NDArray logits = m.create(x, new Shape(6, 1));
            logits.setRequiresGradient(true);
            NDArray kept;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                kept = half.keepMostRealistic(logits, 1);
                gc.backward(StandardLoss.NON_SATURATING.generatorLoss(null, kept));
            }
            // Values are unchanged, so the reported loss is the whole batch's.
            assertThat(kept.toFloatArray()).containsExactly(x);
            // k = 3 at epoch 1: rows 0, 2 and 5 (logits 3, 2, 1). d/dx mean_k softplus(−x) = −σ(−x) / k.
            float[] gradient = logits.getGradient().toFloatArray();
            for (int i = 0; i < x.length; i++) {
                double expected = x[i] >= 1 ? -1 / (1 + Math.exp(x[i])) / 3 : 0;
                assertThat((double) gradient[i]).as("row %d", i).isCloseTo(expected, within(1e-6));
            }
        }
    }

    @Test
    void epochZeroAndOldRunFilesLeaveTheUpdateAlone() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {1, 2, 3, 4}, new Shape(4, 1));
            assertThat(new TopK(0.5, 0.99).keepMostRealistic(logits, 0)).isSameAs(logits);
        }
        // Run files written before top-k existed have no topK field: plain updates.
        Regularization old = Json.MAPPER.readValue("{\"penalty\":\"none\",\"penaltyOptions\":{},\"augment\":\"\"}", Regularization.class);
        assertThat(old.topK()).isEqualTo(TopK.NONE);
        Regularization withTopK = new Regularization("none", Map.of(), "", new TopK(0.5, 0.9));
        assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(withTopK), Regularization.class)).isEqualTo(withTopK);
    }
}
