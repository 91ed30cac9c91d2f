package io.gan4j.eval.shards;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.train.Sampling;
import io.gan4j.eval.features.FeatureNetworks;
import io.gan4j.eval.fid.FeatureMoments;
import io.gan4j.eval.fid.GaussianStatistics;
import io.gan4j.eval.report.Features;
import io.gan4j.eval.samples.SampleSource;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * {@code DatasetStatistics} computes the feature statistics of a real data set (the reference side of
 * FID, saved as pytorch-fid's {@code .npz}) in parts: {@link #moments} measures samples [start, end) of
 * the seeded subset {@code SampleSource.of(data, count, seed)} and returns their {@link FeatureMoments};
 * merged in order they are the statistics of the whole subset. {@link #compute} does every part in this
 * process; {@code SparkStatistics} does them as Spark tasks. The result equals the single-pass statistics
 * of {@code gan eval} to rounding (≤ 1e-12 relative in the covariance, see {@link FeatureMoments}).
 */
public final class DatasetStatistics {

    private DatasetStatistics() {}

    /**
     * What to measure. Strings so that the settings serialize to Spark tasks.
     *
     * @param data the dataset spec, e.g. {@code mnist:/data/mnist} or {@code folder:/images}
     * @param count how many samples (all of them when the dataset is smaller)
     * @param seed the seed of the subset's order
     * @param features the feature network, or null for the default for the data's samples
     *     ({@link FeatureNetworks#defaultFor}; {@link #resolve} fills it in)
     * @param featureOptions its options
     * @param pluginDirectory the directory of extra plugin jars, or null
     */
    public record Settings(String data, int count, long seed, String features, Map<String, String> featureOptions, String pluginDirectory)
            implements Serializable {

        /** Checks the settings. */
        public Settings {
            Objects.requireNonNull(data, "data is null");
            if (count <= 0) {
                throw new IllegalArgumentException("sample count must be > 0, was " + count);
            }
            featureOptions = featureOptions == null ? Map.of() : Map.copyOf(featureOptions);
        }

        /** Returns settings for {@code count} samples of {@code data} measured by {@code features}, subset seed 0, no extra plugins. */
        public static Settings of(String data, int count, String features) {
            return new Settings(data, count, 0, features, Map.of(), null);
        }

        /** Returns these settings with another subset seed. */
        public Settings withSeed(long value) {
            return new Settings(data, count, value, features, featureOptions, pluginDirectory);
        }

        /** Returns these settings loading extra plugins from {@code directory} (null for none). */
        public Settings withPluginDirectory(Path directory) {
            return new Settings(data, count, seed, features, featureOptions, directory == null ? null : directory.toAbsolutePath().toString());
        }
    }

    /**
     * Splits the subset's samples into at most {@code parts} contiguous ranges aligned to {@link Sampling#CHUNK}.
     *
     * @param size the number of samples, the count of {@link #resolve}d settings
     * @return [start, end) pairs
     */
    public static List<int[]> ranges(int size, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be >= 1, was " + parts);
        }
        int chunks = (size + Sampling.CHUNK - 1) / Sampling.CHUNK;
        List<int[]> out = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int start = Math.min(size, (int) ((long) chunks * p / parts) * Sampling.CHUNK);
            int end = Math.min(size, (int) ((long) chunks * (p + 1) / parts) * Sampling.CHUNK);
            if (end > start) {
                out.add(new int[] {start, end});
            }
        }
        return out;
    }

    /**
     * Returns the settings with what the data decides filled in: the count capped at the data set's size
     * (what is measured), and the feature network when none was named ({@link FeatureNetworks#defaultFor}
     * the data's sample shape).
     */
    public static Settings resolve(Settings settings, PluginRegistry registry) {
        Dataset data = registry.openDataset(settings.data(), settings.seed());
        return new Settings(settings.data(), Math.min(settings.count(), data.size()), settings.seed(),
                settings.features() != null ? settings.features() : FeatureNetworks.defaultFor(data.sampleShape()),
                settings.featureOptions(), settings.pluginDirectory());
    }

    /**
     * Returns the moments of samples [start, end) of the subset, measured by the settings' feature network
     * (by the default one when none is named).
     *
     * @param progress receives the number of samples done after each batch of this part
     */
    public static FeatureMoments moments(Settings settings, int start, int end, PluginRegistry registry, IntConsumer progress) {
        SampleSource all = source(settings, registry);
        if (start < 0 || end > all.size() || start >= end) {
            throw new IllegalArgumentException("samples [" + start + ", " + end + ") are not within the " + all.size() + " measured");
        }
        SampleSource part = SampleSource.of(all.description() + " [" + start + ", " + end + ")", end - start, all.sampleShape(),
                (from, size, manager) -> all.batch(start + from, size, manager));
        String features = settings.features() != null ? settings.features() : FeatureNetworks.defaultFor(all.sampleShape());
        try (FeatureNetwork network = registry.createFeatureNetwork(features, settings.featureOptions(), all.sampleShape())) {
            return FeatureMoments.of(Features.extract(network, part, progress).matrix());
        }
    }

    /** Computes the statistics in this process, in one part. */
    public static GaussianStatistics compute(Settings settings, PluginRegistry registry, IntConsumer progress) {
        Settings resolved = resolve(settings, registry);
        return moments(resolved, 0, resolved.count(), registry, progress).statistics();
    }

    private static SampleSource source(Settings settings, PluginRegistry registry) {
        Dataset data = registry.openDataset(settings.data(), settings.seed());
        return SampleSource.of(data, settings.count(), settings.seed());
    }
}
