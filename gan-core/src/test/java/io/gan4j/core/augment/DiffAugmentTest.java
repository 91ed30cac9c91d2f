package io.gan4j.core.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DiffAugmentTest {

    /** Hands out the given values as uniform draws, in order, one array per call. */
    private static Function<Shape, NDArray> draws(NDManager m, float[]... values) {
        Deque<float[]> queue = new ArrayDeque<>(java.util.List.of(values));
        return shape -> {
            float[] next = queue.removeFirst();
            assertThat((long) next.length).isEqualTo(shape.size());
            return m.create(next, shape);
        };
    }

    private static NDArray ramp(NDManager m, int n, int side) {
        return m.arange(0f, (float) n * side * side).reshape(n, 1, side, side);
    }

    @Test
    void translationShiftsEachSampleByItsOwnOffsetWithZeroFill() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = ramp(m, 2, 8);
            // Side 8: shifts in [-1, 1]; u = 0.9 → +1, u = 0.1 → -1, u = 0.5 → 0.
            NDArray y = DiffAugment.parse("translation").apply(x, draws(m, new float[] {0.9f, 0.1f}, new float[] {0.5f, 0.9f}));
            float[] in = x.toFloatArray();
            float[] out = y.toFloatArray();
            int[][] shifts = {{1, 0}, {-1, 1}};
            for (int s = 0; s < 2; s++) {
                for (int i = 0; i < 8; i++) {
                    for (int j = 0; j < 8; j++) {
                        int si = i + shifts[s][0];
                        int sj = j + shifts[s][1];
                        float expected = si >= 0 && si < 8 && sj >= 0 && sj < 8 ? in[s * 64 + si * 8 + sj] : 0;
                        assertThat(out[s * 64 + i * 8 + j]).as("sample %d at (%d, %d)", s, i, j).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void cutoutZeroesASquareOfHalfTheSide() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(2, 3, 8, 8));
            // Centre (4, 4): rows and columns 2..5; centre (0, 8) hangs over the corner: rows 0..1, columns 6..7.
            NDArray y = DiffAugment.parse("cutout").apply(x, draws(m, new float[] {4.5f / 9, 0.01f}, new float[] {4.5f / 9, 0.99f}));
            float[] out = y.toFloatArray();
            int zeroFirst = 0;
            int zeroSecond = 0;
            for (int i = 0; i < 3 * 64; i++) {
                zeroFirst += out[i] == 0 ? 1 : 0;
                zeroSecond += out[3 * 64 + i] == 0 ? 1 : 0;
            }
            assertThat(zeroFirst).isEqualTo(3 * 16);
            assertThat(zeroSecond).isEqualTo(3 * 4);
            assertThat(out[2 * 8 + 2]).isZero();
            assertThat(out[1 * 8 + 1]).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MXNet", "PyTorch"})
    void colourFollowsTheReferenceFormulas(String engine) {
        try (NDManager m = Engine.getEngine(engine).newBaseManager()) {
            NDArray x = m.create(new float[] {0f, 1f, 0.5f, -1f}).reshape(1, 2, 1, 2);
            // brightness u=0.75 (+0.25); saturation u=0.5 (x1, unchanged); contrast u=1 (x1.5 around the mean).
            NDArray y = DiffAugment.parse("color").apply(x, draws(m, new float[] {0.75f}, new float[] {0.5f}, new float[] {1f}));
            float[] b = {0.25f, 1.25f, 0.75f, -0.75f};
            float mean = (b[0] + b[1] + b[2] + b[3]) / 4;
            float[] out = y.toFloatArray();
            for (int i = 0; i < 4; i++) {
                assertThat(out[i]).isCloseTo((b[i] - mean) * 1.5f + mean, within(1e-6f));
            }
        }
    }

    @Test
    void gradientsFlowBackToTheImages() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(4, 3, 16, 16));
            assertThat(inputGradient(m, x, "color,translation,cutout").abs().sum().getFloat()).isPositive();
            // Cut-out pixels get no gradient: a quarter of each image's positions (8 x 8 of 16 x 16, or fewer at an edge).
            NDArray cut = inputGradient(m, x, "cutout");
            assertThat(cut.eq(0).sum().getLong()).isBetween(4L * 3 * 16, 4L * 3 * 64);
        }
    }

    private static NDArray inputGradient(NDManager m, NDArray x, String policy) {
        NDArray input = x.duplicate();
        input.setRequiresGradient(true);
        try (GradientCollector gc = m.getEngine().newGradientCollector()) {
            gc.backward(DiffAugment.parse(policy).apply(input, shape -> m.randomUniform(0, 1, shape)).sum());
        }
        return input.getGradient();
    }

    @Test
    void parsesPolicyListsAndRejectsUnknownOnesAndNonImages() {
        assertThat(DiffAugment.parse("cutout, color").toString()).isEqualTo("color,cutout");
        assertThat(DiffAugment.parse("none").isNone()).isTrue();
        assertThat(DiffAugment.parse("").isNone()).isTrue();
        assertThatThrownBy(() -> DiffAugment.parse("color,flip")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown augmentation 'flip'").hasMessageContaining("color, translation, cutout");
        assertThatThrownBy(() -> DiffAugment.parse("color").checkApplicable(new Shape(2)))
                .hasMessageContaining("needs images (C, H, W)");
        DiffAugment.NONE.checkApplicable(new Shape(2));
    }
}
