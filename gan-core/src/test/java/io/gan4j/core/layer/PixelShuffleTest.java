package io.gan4j.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Checks {@link PixelShuffle} against PyTorch's {@code nn.PixelShuffle(2)} on arange(96) shaped (2, 8, 2, 3). */
final class PixelShuffleTest {

    private static final int[] TORCH = {0, 6, 1, 7, 2, 8, 12, 18, 13, 19, 14, 20, 3, 9, 4, 10, 5, 11, 15, 21, 16, 22, 17, 23, 24, 30,
        25, 31, 26, 32, 36, 42, 37, 43, 38, 44, 27, 33, 28, 34, 29, 35, 39, 45, 40, 46, 41, 47, 48, 54, 49, 55, 50, 56, 60, 66, 61, 67,
        62, 68, 51, 57, 52, 58, 53, 59, 63, 69, 64, 70, 65, 71, 72, 78, 73, 79, 74, 80, 84, 90, 85, 91, 86, 92, 75, 81, 76, 82, 77, 83,
        87, 93, 88, 94, 89, 95};

    @Test
    void matchesPytorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            PixelShuffle shuffle = new PixelShuffle(2);
            Shape in = new Shape(2, 8, 2, 3);
            assertThat(shuffle.getOutputShapes(new Shape[] {in})[0]).isEqualTo(new Shape(2, 2, 4, 6));
            int[] out = shuffle.forward(new ParameterStore(m, false), new NDList(m.arange(96f).reshape(in)), false)
                    .singletonOrThrow().toType(DataType.INT32, false).toIntArray();
            assertThat(out).containsExactly(TORCH);
        }
    }

    @Test
    void refusesChannelsNotDivisibleBySquare() {
        assertThatThrownBy(() -> new PixelShuffle(2).getOutputShapes(new Shape[] {new Shape(1, 6, 2, 2)}))
                .hasMessageContaining("divisible by 4");
    }
}
