package io.gan4j.eval.superres;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.engine.DeviceChoice;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.model.Upscaler;
import io.gan4j.core.resample.BicubicResize;
import io.gan4j.eval.report.Features;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code UpscalingEvaluation} measures an {@link Upscaler} as super-resolution is measured: the first
 * {@code count} test images are shrunk by its factor with {@link BicubicResize} (as its training inputs
 * were), upscaled back, and compared with the originals, next to bicubic upscaling of the same inputs:
 * see {@link UpscalingReport}.
 */
public final class UpscalingEvaluation {

    private static final int BATCH = 250;

    private final Upscaler upscaler;
    private final FeatureNetwork features;

    /**
     * Creates the evaluation.
     *
     * @param upscaler the trained upscaler
     * @param features embeds images for FID (and classifies them, when it can)
     */
    public UpscalingEvaluation(Upscaler upscaler, FeatureNetwork features) {
        this.upscaler = Objects.requireNonNull(upscaler, "upscaler is null");
        this.features = Objects.requireNonNull(features, "features is null");
    }

    /**
     * Evaluates on test images.
     *
     * @param test high-resolution images, the feature network's shape (labels give the accuracies)
     * @param count images to use, the first ones
     * @throws IllegalArgumentException when the images do not suit the upscaler or the feature network
     */
    public UpscalingReport evaluate(Dataset test, int count) {
        Shape shape = test.sampleShape();
        if (!shape.equals(features.inputShape())) {
            throw new IllegalArgumentException("test images must have the feature network's shape " + features.inputShape() + ", have " + shape);
        }
        int r = upscaler.factor();
        Shape low = upscaler.inputShape();
        if (shape.dimension() != 3 || shape.get(0) != low.get(0) || shape.get(1) % r != 0 || shape.get(2) % r != 0) {
            throw new IllegalArgumentException("the upscaler enlarges " + low + " images " + r + "x; test images " + shape
                    + " need its channels and sides divisible by " + r);
        }
        int n = Math.min(count, test.size());
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 test images, have " + n);
        }
        int size = Math.toIntExact(shape.size());
        int height = (int) shape.get(1);
        int width = (int) shape.get(2);
        float[] real = new float[n * size];
        for (int i = 0; i < n; i++) {
            test.read(i, real, i * size);
        }
        float[] upscaled = new float[real.length];
        float[] bicubic = new float[real.length];
        try (NDManager manager = DeviceChoice.newBaseManager()) {
            for (int start = 0; start < n; start += BATCH) {
                int m = Math.min(BATCH, n - start);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = scope.create(Arrays.copyOfRange(real, start * size, (start + m) * size), new Shape(m).addAll(shape));
                    NDArray shrunk = BicubicResize.resize(x, height / r, width / r);
                    System.arraycopy(upscaler.upscale(shrunk).toFloatArray(), 0, upscaled, start * size, m * size);
                    System.arraycopy(BicubicResize.resize(shrunk, height, width).clip(-1, 1).toFloatArray(), 0, bicubic, start * size, m * size);
                }
            }
        }
        int channels = (int) shape.get(0);
        Features fReal = Features.extract(features, test.description(), real, shape);
        Features fModel = Features.extract(features, "upscaled " + test.description(), upscaled, shape);
        Features fBicubic = Features.extract(features, "bicubic-upscaled " + test.description(), bicubic, shape);
        boolean classify = features.numClasses() > 0 && test.numClasses() > 0;
        return new UpscalingReport(n, r, features.name(),
                ImageQuality.psnr(upscaled, real, n), ImageQuality.psnr(bicubic, real, n),
                ImageQuality.ssim(upscaled, real, n, channels, height, width), ImageQuality.ssim(bicubic, real, n, channels, height, width),
                fModel.fid(fReal), fBicubic.fid(fReal),
                classify ? fModel.accuracy(test) : null, classify ? fBicubic.accuracy(test) : null, classify ? fReal.accuracy(test) : null);
    }

}
