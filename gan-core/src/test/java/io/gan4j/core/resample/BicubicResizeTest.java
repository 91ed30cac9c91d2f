package io.gan4j.core.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link BicubicResize} against PyTorch 1.13's {@code F.interpolate(x, size, mode="bicubic",
 * antialias=True, align_corners=False)} on an 8×12 image: shrunk to 2×3 (the anti-aliased kernel) and
 * enlarged to 20×30 (a non-integer factor; one row and one column compared, borders included).
 */
final class BicubicResizeTest {

    private static final float[] DOWN = {0.0094521f, -0.1644789f, 0.3341859f, 0.1179142f, 0.2108858f, -0.0074770f};
    private static final float[] UP_ROW_7 = {-0.0461274f, -0.1356913f, -0.3553412f, -0.6186827f, -0.7642602f, -0.8452638f, -0.8566038f,
        -0.7867478f, -0.6656017f, -0.5116815f, -0.3210481f, -0.1467814f, 0.0131166f, 0.1454192f, 0.2254156f, 0.2627595f, 0.2684967f,
        0.2339469f, 0.1843505f, 0.1421190f, 0.1004580f, 0.0860551f, 0.1037501f, 0.1442576f, 0.2089635f, 0.2955932f, 0.3713012f,
        0.4374553f, 0.4821664f, 0.5030766f};
    private static final float[] UP_COLUMN_13 = {-0.2253243f, -0.3304468f, -0.6308312f, -0.9096319f, -0.7920126f, -0.4240776f,
        -0.1098274f, 0.1454192f, 0.3142749f, 0.2752716f, 0.0858109f, -0.0046549f, 0.0431254f, 0.1571341f, 0.3543679f, 0.6147352f,
        0.6624372f, 0.3642121f, 0.0644712f, -0.0447000f};

    /** The reference script's image: sin(0.7x + 1.3y)·cos(0.4xy / 5). */
    static float[] image(int height, int width) {
        float[] x = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int c = 0; c < width; c++) {
                x[y * width + c] = (float) (Math.sin(0.7 * c + 1.3 * y) * Math.cos(0.4 * c * y / 5.0));
            }
        }
        return x;
    }

    @Test
    void matchesPytorchAntialiasedBicubicBothWays() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(image(8, 12), new Shape(1, 1, 8, 12));
            assertClose(BicubicResize.resize(x, 2, 3).toFloatArray(), DOWN);
            NDArray up = BicubicResize.resize(x, 20, 30);
            assertThat(up.getShape()).isEqualTo(new Shape(1, 1, 20, 30));
            assertClose(up.get(new NDIndex("0, 0, 7")).toFloatArray(), UP_ROW_7);
            assertClose(up.get(new NDIndex("0, 0, :, 13")).toFloatArray(), UP_COLUMN_13);
        }
    }

    @Test
    void rowsSumToOneAndKeepConstantImages() {
        for (int[] sizes : new int[][] {{28, 7}, {7, 28}, {28, 14}, {5, 5}, {1, 3}}) {
            float[] w = BicubicResize.weights(sizes[0], sizes[1]);
            for (int i = 0; i < sizes[1]; i++) {
                double sum = 0;
                for (int j = 0; j < sizes[0]; j++) {
                    sum += w[i * sizes[0] + j];
                }
                assertThat(sum).as("row %d of %d -> %d", i, sizes[0], sizes[1]).isCloseTo(1, within(1e-6));
            }
        }
        // Same size is the identity: the kernel is 1 at 0 and 0 at every other integer.
        float[] identity = BicubicResize.weights(5, 5);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(identity[i * 5 + j]).isCloseTo(i == j ? 1f : 0f, within(1e-7f));
            }
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(2e-6f));
        }
    }
}
