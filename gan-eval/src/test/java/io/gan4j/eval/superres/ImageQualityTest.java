package io.gan4j.eval.superres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Checks {@link ImageQuality} against scikit-image 0.19.3's {@code structural_similarity(x, y,
 * gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=1)} and a float64 PSNR, on
 * two 16×20 images made by formula (the values printed by the reference script quoted in the comments).
 */
final class ImageQualityTest {

    private static final int H = 16;
    private static final int W = 20;

    /** sin(0.7x + 1.3y + k)·cos(0.4xy / 5 + k), as the reference script's {@code img(16, 20, k)}. */
    private static float[] image(int k) {
        float[] x = new float[H * W];
        for (int y = 0; y < H; y++) {
            for (int c = 0; c < W; c++) {
                x[y * W + c] = (float) (Math.sin(0.7 * c + 1.3 * y + k) * Math.cos(0.4 * c * y / 5.0 + k));
            }
        }
        return x;
    }

    /** Originals img(0), img(1); distorted clip(0.8·img(0) + 0.1·img(2), −1, 1) and 0.5·img(1). */
    private static float[][] pair() {
        float[] a0 = image(0);
        float[] a1 = image(1);
        float[] a2 = image(2);
        float[] truth = new float[2 * H * W];
        float[] x = new float[2 * H * W];
        for (int p = 0; p < H * W; p++) {
            truth[p] = a0[p];
            truth[H * W + p] = a1[p];
            x[p] = Math.max(-1f, Math.min(1f, a0[p] * 0.8f + 0.1f * a2[p]));
            x[H * W + p] = a1[p] * 0.5f;
        }
        return new float[][] {x, truth};
    }

    @Test
    void ssimMatchesScikitImage() {
        float[][] p = pair();
        // skimage: [0.9647256761789322, 0.7875716865062714], mean 0.8761486813426018
        assertThat(ImageQuality.ssim(p[0], p[1], 2, 1, H, W)).isCloseTo(0.8761486813426018, within(1e-6));
        assertThat(ImageQuality.ssim(java.util.Arrays.copyOf(p[0], H * W), java.util.Arrays.copyOf(p[1], H * W), 1, 1, H, W))
                .isCloseTo(0.9647256761789322, within(1e-6));
        assertThat(ImageQuality.ssim(p[1], p[1], 2, 1, H, W)).isCloseTo(1, within(1e-12));
    }

    @Test
    void psnrMatchesDefinition() {
        float[][] p = pair();
        // float64: [25.510677796084792, 18.29007350093084], mean 21.90037564850782
        assertThat(ImageQuality.psnr(p[0], p[1], 2)).isCloseTo(21.90037564850782, within(1e-6));
        assertThat(ImageQuality.psnr(p[1], p[1], 2)).isEqualTo(100);
    }

    @Test
    void refusesImagesSmallerThanTheWindow() {
        assertThatThrownBy(() -> ImageQuality.ssim(new float[49], new float[49], 1, 1, 7, 7)).hasMessageContaining("at least 11x11");
    }
}
