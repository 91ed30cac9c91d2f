package io.gan4j.eval.translation;

import io.gan4j.core.engine.DeviceChoice;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.eval.fid.FrechetDistance;
import io.gan4j.eval.fid.GaussianStatistics;
import io.gan4j.eval.report.Features;
import io.gan4j.eval.samples.SampleSource;
import java.util.Objects;

/**
 * {@code TranslationEvaluation} measures an image translator between domains A and B on test images
 * of both: errors against the true counterparts when the test sets are paired (B[i] is A[i] in
 * domain B, as for a restyled copy), cycle-reconstruction errors, FID in each target domain, and,
 * when the feature network is a classifier and the data are labelled, whether translations keep the
 * class. The first {@code count} images of each test set are used, in order.
 */
public final class TranslationEvaluation {

    private static final int BATCH = 250;

    private final Block aToB;
    private final Block bToA;
    private final FeatureNetwork features;

    /**
     * Creates the evaluation.
     *
     * @param aToB maps (N, C, H, W) images of A to B, in [-1, 1]
     * @param bToA maps B to A
     * @param features embeds images for FID (and classifies them, when it can)
     */
    public TranslationEvaluation(Block aToB, Block bToA, FeatureNetwork features) {
        this.aToB = Objects.requireNonNull(aToB, "aToB is null");
        this.bToA = Objects.requireNonNull(bToA, "bToA is null");
        this.features = Objects.requireNonNull(features, "features is null");
    }

    /**
     * Evaluates on test images.
     *
     * @param a test images of domain A
     * @param b test images of domain B
     * @param paired whether b's image i is the true translation of a's image i
     * @param count images per domain (at most the smaller test set when paired)
     * @throws IllegalArgumentException when the test sets do not suit the translator or are too small
     */
    public TranslationReport evaluate(Dataset a, Dataset b, boolean paired, int count) {
        if (!a.sampleShape().equals(features.inputShape()) || !b.sampleShape().equals(features.inputShape())) {
            throw new IllegalArgumentException("test images must have the feature network's shape " + features.inputShape()
                    + "; A has " + a.sampleShape() + ", B has " + b.sampleShape());
        }
        int n = Math.min(count, paired ? Math.min(a.size(), b.size()) : Integer.MAX_VALUE);
        if (n < 2 || n > a.size() || n > b.size()) {
            throw new IllegalArgumentException("need 2.." + Math.min(a.size(), b.size()) + " test images per domain, asked for " + count);
        }
        Shape shape = a.sampleShape();
        float[] realA = read(a, n);
        float[] realB = read(b, n);
        float[] ab = translate(aToB, realA, shape, n);
        float[] ba = translate(bToA, realB, shape, n);
        float[] aba = translate(bToA, ab, shape, n);
        float[] bab = translate(aToB, ba, shape, n);

        Features fRealA = embed(realA, shape, n, a);
        Features fRealB = embed(realB, shape, n, b);
        Features fAB = embed(ab, shape, n, a);
        Features fBA = embed(ba, shape, n, b);
        boolean classify = features.numClasses() > 0;
        return new TranslationReport(n, features.name(),
                paired ? meanAbsoluteGreyLevels(ab, realB) : null,
                paired ? meanAbsoluteGreyLevels(ba, realA) : null,
                paired ? meanAbsoluteGreyLevels(realA, realB) : null,
                meanAbsoluteGreyLevels(aba, realA),
                meanAbsoluteGreyLevels(bab, realB),
                fid(fAB, fRealB), fid(fBA, fRealA), fid(fRealA, fRealB),
                classify ? accuracy(fBA, b, n) : null,
                classify ? accuracy(fAB, a, n) : null,
                classify ? accuracy(fRealA, a, n) : null,
                classify ? accuracy(fRealB, b, n) : null);
    }

    private static float[] read(Dataset d, int n) {
        int size = Math.toIntExact(d.sampleShape().size());
        float[] values = new float[n * size];
        for (int i = 0; i < n; i++) {
            d.read(i, values, i * size);
        }
        return values;
    }

    private static float[] translate(Block block, float[] images, Shape shape, int n) {
        int size = Math.toIntExact(shape.size());
        float[] out = new float[images.length];
        try (NDManager manager = DeviceChoice.newBaseManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            for (int start = 0; start < n; start += BATCH) {
                int m = Math.min(BATCH, n - start);
                try (NDManager scope = manager.newSubManager()) {
                    float[] chunk = java.util.Arrays.copyOfRange(images, start * size, (start + m) * size);
                    NDArray x = scope.create(chunk, new Shape(m).addAll(shape));
                    float[] y = block.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
                    System.arraycopy(y, 0, out, start * size, y.length);
                }
            }
        }
        return out;
    }

    private Features embed(float[] images, Shape shape, int n, Dataset labelsFrom) {
        int size = Math.toIntExact(shape.size());
        SampleSource source = SampleSource.of(labelsFrom.description(), n, shape, (start, count, manager) -> manager.create(
                java.util.Arrays.copyOfRange(images, start * size, (start + count) * size), new Shape(count).addAll(shape)));
        return Features.extract(features, source, done -> { });
    }

    private static double fid(Features x, Features y) {
        return FrechetDistance.compute(GaussianStatistics.of(x.matrix()), GaussianStatistics.of(y.matrix()));
    }

    /** Fraction of images classified as the class of the source image they were made from. */
    private static Double accuracy(Features f, Dataset source, int n) {
        if (source.numClasses() == 0) {
            return null;
        }
        int[] predicted = f.predictedClasses();
        int right = 0;
        for (int i = 0; i < n; i++) {
            right += predicted[i] == source.label(i) ? 1 : 0;
        }
        return (double) right / n;
    }

    /** Mean |x − y| over all pixels, for images in [-1, 1], in 8-bit grey levels. */
    static double meanAbsoluteGreyLevels(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs(x[i] - y[i]);
        }
        return sum / x.length * 127.5;
    }
}
