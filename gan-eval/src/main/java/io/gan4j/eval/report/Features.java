package io.gan4j.eval.report;

import io.gan4j.core.engine.DeviceChoice;
import io.gan4j.eval.samples.SampleSource;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.eval.fid.FrechetDistance;
import io.gan4j.eval.fid.GaussianStatistics;
import java.util.function.IntConsumer;

/**
 * {@code Features} are what a {@link FeatureNetwork} extracted from a {@link SampleSource}: the
 * feature matrix and, for classifiers, the class probabilities.
 *
 * @param matrix n × d features
 * @param probabilities n × classes, or null when the network is not a classifier
 */
public record Features(FeatureMatrix matrix, double[][] probabilities) {

    private static final int BATCH = 500;

    /**
     * Extracts features in batches.
     *
     * @param progress receives the number of samples done after each batch
     */
    public static Features extract(FeatureNetwork network, SampleSource source, IntConsumer progress) {
        int n = source.size();
        int d = network.dimension();
        double[] values = new double[n * d];
        double[][] probabilities = network.numClasses() > 0 ? new double[n][] : null;
        try (NDManager manager = DeviceChoice.newBaseManager()) {
            for (int start = 0; start < n; start += BATCH) {
                int count = Math.min(BATCH, n - start);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray samples = source.batch(start, count, scope);
                    checkFinite(samples, source, start);
                    NDList measured = network.measure(samples);
                    double[] f = measured.get(0).toType(DataType.FLOAT64, false).toDoubleArray();
                    System.arraycopy(f, 0, values, start * d, f.length);
                    if (probabilities != null) {
                        double[] p = measured.get(1).toType(DataType.FLOAT64, false).toDoubleArray();
                        int c = network.numClasses();
                        for (int i = 0; i < count; i++) {
                            probabilities[start + i] = java.util.Arrays.copyOfRange(p, i * c, (i + 1) * c);
                        }
                    }
                }
                progress.accept(start + count);
            }
        }
        return new Features(new FeatureMatrix(n, d, values), probabilities);
    }

    /**
     * Refuses samples with NaN or infinite values: a feature network would turn them into finite but
     * meaningless features (clamped pixels), and the metrics into numbers that look real.
     */
    private static void checkFinite(NDArray samples, SampleSource source, int start) {
        float[] values = samples.toType(DataType.FLOAT32, false).toFloatArray();
        int perSample = values.length / Math.max(1, (int) samples.getShape().get(0));
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                long bad = java.util.stream.IntStream.range(0, values.length).filter(j -> !Float.isFinite(values[j])).count();
                throw new IllegalArgumentException(source.description() + ": sample " + (start + i / perSample) + " holds " + values[i]
                        + " (" + bad + " non-finite values among samples " + start + "-" + (start + values.length / perSample - 1)
                        + "); metrics need finite samples");
            }
        }
    }

    /**
     * Extracts the features of images held in an array.
     *
     * @param network the feature network
     * @param description names the images in messages
     * @param images n images of {@code shape}, one after another
     * @param shape the shape of one image
     */
    public static Features extract(FeatureNetwork network, String description, float[] images, Shape shape) {
        int size = Math.toIntExact(shape.size());
        SampleSource source = SampleSource.of(description, images.length / size, shape, (start, count, manager) -> manager.create(
                java.util.Arrays.copyOfRange(images, start * size, (start + count) * size), new Shape(count).addAll(shape)));
        return extract(network, source, done -> { });
    }

    /**
     * Returns the Fréchet distance between these features' Gaussian and {@code other}'s (FID when the
     * network is Inception's).
     *
     * @param other features of the samples compared with, by the same network
     */
    public double fid(Features other) {
        return FrechetDistance.compute(GaussianStatistics.of(matrix), GaussianStatistics.of(other.matrix()));
    }

    /**
     * Returns the fraction of samples whose most probable class is their label in {@code labels}
     * (sample i's label is {@code labels.label(i)}).
     *
     * @param labels a labelled dataset at least as long as the samples
     */
    public double accuracy(Dataset labels) {
        int[] predicted = predictedClasses();
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == labels.label(i) ? 1 : 0;
        }
        return (double) right / predicted.length;
    }

    /** Returns each sample's most probable class. */
    public int[] predictedClasses() {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            double[] p = probabilities[i];
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * Returns the fraction of samples the classifier is unsure of: those whose most probable class has a
     * probability below {@code sure}.
     */
    public double ambiguous(double sure) {
        long unsure = java.util.Arrays.stream(probabilities)
                .filter(p -> java.util.Arrays.stream(p).max().orElse(0) < sure).count();
        return unsure / (double) probabilities.length;
    }
}
