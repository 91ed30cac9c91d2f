package io.gan4j.core.resample;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * {@code BicubicResize} resizes NCHW images with the bicubic kernel (a = −0.5) and, when shrinking,
 * the kernel stretched by the scale as an anti-aliasing filter: the resampling of PIL's
 * {@code Image.resize(BICUBIC)} and PyTorch's {@code interpolate(mode="bicubic", antialias=True,
 * align_corners=False)}, which super-resolution work uses to make low-resolution inputs and as the
 * upscaling baseline. Near the border the kernel is cut at the edge and its weights renormalized.
 *
 * <p>Each axis is one matrix product, so a resize runs on any engine and inside recorded graphs (no
 * gradient flows to the fixed weights).
 */
public final class BicubicResize {

    private static final double A = -0.5;

    private BicubicResize() {}

    /**
     * Resizes images.
     *
     * @param images (N, C, H, W)
     * @param height rows of the result
     * @param width columns of the result
     * @return (N, C, height, width), in the images' manager
     */
    public static NDArray resize(NDArray images, int height, int width) {
        Shape s = images.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("bicubic resize takes (N, C, H, W) images, not " + s);
        }
        NDManager m = images.getManager();
        NDArray rows = m.create(weights((int) s.get(2), height), new Shape(height, s.get(2)));
        NDArray columns = m.create(weights((int) s.get(3), width), new Shape(width, s.get(3))).transpose();
        // (N, C, H, W) · (W, w) → (N, C, H, w); then (h, H) · each (H, w) plane.
        return rows.matMul(images.matMul(columns));
    }

    /**
     * Returns the resampling matrix of one axis.
     *
     * @param in samples along the axis
     * @param out samples wanted
     * @return (out, in) weights, row-major; each row sums to 1
     */
    public static float[] weights(int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("sizes must be positive, were " + in + " and " + out);
        }
        double scale = (double) in / out;
        double stretch = Math.max(scale, 1);
        double support = 2 * stretch;
        float[] w = new float[out * in];
        for (int i = 0; i < out; i++) {
            double center = scale * (i + 0.5);
            int first = Math.max((int) (center - support + 0.5), 0);
            int last = Math.min((int) (center + support + 0.5), in);
            double[] taps = new double[last - first];
            double sum = 0;
            for (int j = first; j < last; j++) {
                taps[j - first] = kernel((j - center + 0.5) / stretch);
                sum += taps[j - first];
            }
            for (int j = first; j < last; j++) {
                w[i * in + j] = (float) (taps[j - first] / sum);
            }
        }
        return w;
    }

    private static double kernel(double x) {
        double t = Math.abs(x);
        if (t < 1) {
            return ((A + 2) * t - (A + 3)) * t * t + 1;
        }
        if (t < 2) {
            return (((t - 5) * t + 8) * t - 4) * A;
        }
        return 0;
    }
}
