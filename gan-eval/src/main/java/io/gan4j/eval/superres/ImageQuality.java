package io.gan4j.eval.superres;

/**
 * Full-reference image quality of a batch of images against the originals, on pixels read in [0, 1]
 * (gan4j's [-1, 1] halved and shifted), each a mean over images.
 *
 * <p>PSNR is 10·log10(1 / MSE) per image (capped at 100 dB for an exact copy). SSIM is Wang et al.'s
 * (2004) index as their reference code computes it: 11×11 Gaussian window of σ = 1.5, statistics over
 * the window positions that fit inside the image ("valid"), C1 = (0.01)², C2 = (0.03)², the mean of the
 * map per channel, averaged over channels — what scikit-image's {@code structural_similarity(...,
 * gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=1)} returns.
 */
public final class ImageQuality {

    private static final int WINDOW = 11;
    private static final double SIGMA = 1.5;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;
    private static final double[] GAUSSIAN = gaussian();

    private ImageQuality() {}

    /**
     * Returns the mean PSNR in dB.
     *
     * @param x images, n × channels × plane floats in [-1, 1]
     * @param truth the originals, as x
     * @param n images
     */
    public static double psnr(float[] x, float[] truth, int n) {
        check(x, truth, n);
        int size = x.length / n;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double squares = 0;
            for (int p = i * size; p < (i + 1) * size; p++) {
                double d = (x[p] - truth[p]) / 2.0;
                squares += d * d;
            }
            double mse = squares / size;
            total += mse == 0 ? 100 : Math.min(100, 10 * Math.log10(1 / mse));
        }
        return total / n;
    }

    /**
     * Returns the mean SSIM.
     *
     * @param x images, (n, channels, height, width) floats in [-1, 1]
     * @param truth the originals, as x
     * @param n images
     * @param channels channels per image
     * @param height rows, at least 11
     * @param width columns, at least 11
     */
    public static double ssim(float[] x, float[] truth, int n, int channels, int height, int width) {
        check(x, truth, n);
        if (height < WINDOW || width < WINDOW || x.length != n * channels * height * width) {
            throw new IllegalArgumentException("SSIM needs images of at least " + WINDOW + "x" + WINDOW + " matching their shape, have "
                    + height + "x" + width + " and " + x.length + " floats for " + n + " images");
        }
        int plane = height * width;
        int rows = height - WINDOW + 1;
        int cols = width - WINDOW + 1;
        double[] a = new double[plane];
        double[] b = new double[plane];
        double total = 0;
        for (int k = 0; k < n * channels; k++) {
            for (int p = 0; p < plane; p++) {
                a[p] = (x[k * plane + p] + 1) / 2.0;
                b[p] = (truth[k * plane + p] + 1) / 2.0;
            }
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double ma = 0;
                    double mb = 0;
                    double aa = 0;
                    double bb = 0;
                    double ab = 0;
                    for (int i = 0; i < WINDOW; i++) {
                        for (int j = 0; j < WINDOW; j++) {
                            double w = GAUSSIAN[i] * GAUSSIAN[j];
                            double u = a[(r + i) * width + c + j];
                            double v = b[(r + i) * width + c + j];
                            ma += w * u;
                            mb += w * v;
                            aa += w * u * u;
                            bb += w * v * v;
                            ab += w * u * v;
                        }
                    }
                    double va = aa - ma * ma;
                    double vb = bb - mb * mb;
                    double cov = ab - ma * mb;
                    sum += (2 * ma * mb + C1) * (2 * cov + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
                }
            }
            total += sum / (rows * cols);
        }
        return total / (n * channels);
    }

    private static void check(float[] x, float[] truth, int n) {
        if (x.length != truth.length || n < 1 || x.length % n != 0) {
            throw new IllegalArgumentException("images and originals must be n equal-sized images, have " + x.length + " and "
                    + truth.length + " floats for " + n);
        }
    }

    private static double[] gaussian() {
        double[] g = new double[WINDOW];
        double sum = 0;
        for (int i = 0; i < WINDOW; i++) {
            double d = i - WINDOW / 2;
            g[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            sum += g[i];
        }
        for (int i = 0; i < WINDOW; i++) {
            g[i] /= sum;
        }
        return g;
    }
}
