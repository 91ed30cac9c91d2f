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
import io.gan4j.eval.report.Features;
import java.util.Map;
import java.util.Objects;

/**
 * {@code TranslationEvaluation} measures an image translator between domains A and B on test images
 * of both: errors against the true counterparts when the test sets are paired (B[i] is A[i] in
 * domain B, as for a restyled copy), cycle-reconstruction errors, FID in each target domain, and,
 * when the feature network is a classifier and the data are labelled, whether translations keep the
 * class. The first {@code count} images of each test set are used, in order. A translator of one
 * direction only (pix2pix: A → B) is measured in that direction; the measures of the other direction
 * and the cycle errors are then absent.
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
     * @param bToA maps B to A; null for a translator of one direction
     * @param features embeds images for FID (and classifies them, when it can)
     */
    public TranslationEvaluation(Block aToB, Block bToA, FeatureNetwork features) {
        this.aToB = Objects.requireNonNull(aToB, "aToB is null");
        this.bToA = bToA;
        this.features = Objects.requireNonNull(features, "features is null");
    }

    /**
     * Returns the evaluation of a trained variant's {@code GanVariant.translations()}: {@code AtoB}, and
     * {@code BtoA} when it has one.
     *
     * @param translations the networks by direction
     * @param features embeds images for FID (and classifies them, when it can)
     * @throws IllegalArgumentException when there is no {@code AtoB} translation
     */
    public static TranslationEvaluation of(Map<String, Block> translations, FeatureNetwork features) {
        if (!translations.containsKey("AtoB")) {
            throw new IllegalArgumentException("not an image translator (it has no AtoB translation)");
        }
        return new TranslationEvaluation(translations.get("AtoB"), translations.get("BtoA"), features);
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
        boolean both = bToA != null;
        float[] ba = both ? translate(bToA, realB, shape, n) : null;
        float[] aba = both ? translate(bToA, ab, shape, n) : null;
        float[] bab = both ? translate(aToB, ba, shape, n) : null;

        Features fRealA = Features.extract(features, a.description(), realA, shape);
        Features fRealB = Features.extract(features, b.description(), realB, shape);
        Features fAB = Features.extract(features, "translated " + a.description(), ab, shape);
        Features fBA = both ? Features.extract(features, "translated " + b.description(), ba, shape) : null;
        boolean classify = features.numClasses() > 0;
        return new TranslationReport(n, features.name(),
                paired ? meanAbsoluteGreyLevels(ab, realB) : null,
                paired && both ? meanAbsoluteGreyLevels(ba, realA) : null,
                paired ? meanAbsoluteGreyLevels(realA, realB) : null,
                both ? meanAbsoluteGreyLevels(aba, realA) : null,
                both ? meanAbsoluteGreyLevels(bab, realB) : null,
                fAB.fid(fRealB), both ? fBA.fid(fRealA) : null, fRealA.fid(fRealB),
                classify && both ? accuracy(fBA, b) : null,
                classify ? accuracy(fAB, a) : null,
                classify ? accuracy(fRealA, a) : null,
                classify ? accuracy(fRealB, b) : null);
    }

    /** Fraction of images classified as the class of the source image they were made from; null for unlabelled sources. */
    private static Double accuracy(Features f, Dataset source) {
        return source.numClasses() == 0 ? null : f.accuracy(source);
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


    /** Mean |x − y| over all pixels, for images in [-1, 1], in 8-bit grey levels. */
    static double meanAbsoluteGreyLevels(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs(x[i] - y[i]);
        }
        return sum / x.length * 127.5;
    }
}
