package io.gan4j.data.derived;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.event.Progress;
import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.core.features.KMeans;
import io.gan4j.core.train.Seeds;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@code ClusterLabels} dataset is another dataset's samples labelled by the k-means cluster of
 * their values (Lloyd's algorithm from a seeded k-means++ start, on the samples as the trainer sees
 * them): pseudo-classes found without labels, the source's own labels being ignored.
 *
 * <p>A conditional GAN trained on them is a cluster-conditional GAN, the fixed-clustering form of the
 * self-conditioned GAN of Liu et al. (CVPR 2020), which re-clusters D's features during training: each
 * batch of generated samples is drawn for the real batch's clusters and D judges every cluster on its
 * own, so G has to match the data's cluster proportions, not only its per-sample look.
 */
public final class ClusterLabels extends DatasetView {

    /** Lloyd iterations at most; assignments usually settle well before. */
    private static final int ITERATIONS = 30;

    private final int[] labels;
    private final int k;

    /**
     * Clusters {@code source} into {@code k} groups, reporting the k-means tasks to {@code progress}.
     *
     * @throws IllegalArgumentException when k is below 2 or above the number of samples
     */
    public ClusterLabels(Dataset source, int k, long seed, Progress progress) {
        super(source);
        if (k < 2 || k > source.size()) {
            throw new IllegalArgumentException("clusters needs 2 <= K <= " + source.size() + " (the samples of " + source.description()
                    + "), got " + k);
        }
        this.k = k;
        FeatureMatrix values = values(source);
        this.labels = KMeans.labels(values, k, ITERATIONS, Seeds.mix(seed, Seeds.DATASET, k), progress);
    }

    /** Parses {@code K} and clusters {@code source}. */
    public static ClusterLabels parse(String k, Dataset source, long seed, Progress progress) {
        try {
            return new ClusterLabels(source, Integer.parseInt(k.trim()), seed, progress);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dataset 'clusters' expects clusters:K@SPEC with a cluster count K, got '" + k + "'");
        }
    }

    private static FeatureMatrix values(Dataset source) {
        int d = Math.toIntExact(source.sampleShape().size());
        float[] row = new float[d];
        double[] values = new double[Math.multiplyExact(source.size(), d)];
        for (int i = 0; i < source.size(); i++) {
            source.read(i, row, 0);
            for (int j = 0; j < d; j++) {
                values[i * d + j] = row[j];
            }
        }
        return new FeatureMatrix(source.size(), d, values);
    }

    @Override
    public String description() {
        int[] sizes = classCounts();
        return source.description() + " labelled by " + k + " k-means clusters (" + Arrays.stream(sizes).min().orElse(0) + "-"
                + Arrays.stream(sizes).max().orElse(0) + " samples each)";
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public int numClasses() {
        return k;
    }

    @Override
    protected int sourceIndex(int index) {
        return index;
    }

    @Override
    public int label(int index) {
        return labels[Objects.checkIndex(index, labels.length)];
    }
}
