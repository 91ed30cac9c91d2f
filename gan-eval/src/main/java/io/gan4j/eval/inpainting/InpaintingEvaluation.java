package io.gan4j.eval.inpainting;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.engine.DeviceChoice;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.model.Inpainter;
import io.gan4j.eval.report.Features;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code InpaintingEvaluation} measures an {@link Inpainter} on the first {@code count} images of a
 * test set, next to the mean-fill baseline: see {@link InpaintingReport}.
 */
public final class InpaintingEvaluation {

    private static final int BATCH = 250;

    private final Inpainter inpainter;
    private final FeatureNetwork features;

    /**
     * Creates the evaluation.
     *
     * @param inpainter the trained inpainter
     * @param features embeds images for FID (and classifies them, when it can)
     */
    public InpaintingEvaluation(Inpainter inpainter, FeatureNetwork features) {
        this.inpainter = Objects.requireNonNull(inpainter, "inpainter is null");
        this.features = Objects.requireNonNull(features, "features is null");
    }

    /**
     * Evaluates on test images.
     *
     * @param test images of the size the inpainter was trained on (labels give the accuracies)
     * @param count images to use, the first ones
     * @throws IllegalArgumentException when the images do not suit the inpainter or the feature network
     */
    public InpaintingReport evaluate(Dataset test, int count) {
        Shape shape = test.sampleShape();
        if (!shape.equals(features.inputShape())) {
            throw new IllegalArgumentException("test images must have the feature network's shape " + features.inputShape() + ", have " + shape);
        }
        int n = Math.min(count, test.size());
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 test images, have " + n);
        }
        int size = Math.toIntExact(shape.size());
        int channels = (int) shape.get(0);
        int plane = size / channels;
        float[] real = new float[n * size];
        for (int i = 0; i < n; i++) {
            test.read(i, real, i * size);
        }
        float[] inpainted = new float[real.length];
        boolean[] hole;
        try (NDManager manager = DeviceChoice.newBaseManager()) {
            float[] mask = inpainter.mask(manager).toFloatArray();
            if (mask.length != plane) {
                throw new IllegalArgumentException("the inpainter fills " + mask.length + "-pixel images, the test images have " + plane + " pixels");
            }
            hole = new boolean[plane];
            for (int p = 0; p < plane; p++) {
                hole[p] = mask[p] > 0.5f;
            }
            for (int start = 0; start < n; start += BATCH) {
                int m = Math.min(BATCH, n - start);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = scope.create(Arrays.copyOfRange(real, start * size, (start + m) * size), new Shape(m).addAll(shape));
                    float[] y = inpainter.inpaint(x).toFloatArray();
                    System.arraycopy(y, 0, inpainted, start * size, y.length);
                }
            }
        }
        float[] meanFilled = meanFill(real, hole, n, channels, plane);
        RegionErrors model = RegionErrors.of(inpainted, real, hole, n, channels, plane);
        RegionErrors baseline = RegionErrors.of(meanFilled, real, hole, n, channels, plane);
        Features fReal = Features.extract(features, test.description(), real, shape);
        Features fModel = Features.extract(features, "inpainted " + test.description(), inpainted, shape);
        Features fBaseline = Features.extract(features, "mean-filled " + test.description(), meanFilled, shape);
        boolean classify = features.numClasses() > 0 && test.numClasses() > 0;
        int holePixels = 0;
        for (boolean h : hole) {
            holePixels += h ? 1 : 0;
        }
        return new InpaintingReport(n, features.name(), (double) holePixels / plane, model.l1, model.l2, model.psnr,
                baseline.l1, baseline.l2, baseline.psnr, fModel.fid(fReal), fBaseline.fid(fReal),
                classify ? fModel.accuracy(test) : null, classify ? fBaseline.accuracy(test) : null,
                classify ? fReal.accuracy(test) : null);
    }

    /** Each image with its hole set to the mean of its visible pixels, per channel. */
    static float[] meanFill(float[] images, boolean[] hole, int n, int channels, int plane) {
        float[] out = images.clone();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                int base = (i * channels + c) * plane;
                double sum = 0;
                int visible = 0;
                for (int p = 0; p < plane; p++) {
                    if (!hole[p]) {
                        sum += images[base + p];
                        visible++;
                    }
                }
                float mean = (float) (sum / visible);
                for (int p = 0; p < plane; p++) {
                    if (hole[p]) {
                        out[base + p] = mean;
                    }
                }
            }
        }
        return out;
    }

    /** Errors inside the hole on pixels read in [0, 1]: mean |Δ| and mean Δ² in %, and PSNR averaged over images. */
    record RegionErrors(double l1, double l2, double psnr) {

        static RegionErrors of(float[] x, float[] truth, boolean[] hole, int n, int channels, int plane) {
            double abs = 0;
            double squares = 0;
            double psnr = 0;
            long pixels = 0;
            for (int i = 0; i < n; i++) {
                double imageSquares = 0;
                long imagePixels = 0;
                for (int c = 0; c < channels; c++) {
                    int base = (i * channels + c) * plane;
                    for (int p = 0; p < plane; p++) {
                        if (hole[p]) {
                            double d = (x[base + p] - truth[base + p]) / 2.0;
                            abs += Math.abs(d);
                            imageSquares += d * d;
                            imagePixels++;
                        }
                    }
                }
                squares += imageSquares;
                pixels += imagePixels;
                // A perfect image has infinite PSNR; cap it at 100 dB so one exact hole does not make the mean infinite.
                double mse = imageSquares / imagePixels;
                psnr += mse == 0 ? 100 : Math.min(100, 10 * Math.log10(1 / mse));
            }
            return new RegionErrors(100 * abs / pixels, 100 * squares / pixels, psnr / n);
        }
    }

}
