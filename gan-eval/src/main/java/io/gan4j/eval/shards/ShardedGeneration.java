package io.gan4j.eval.shards;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.io.Sha256;
import io.gan4j.core.model.Generator;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.core.train.Sampling;
import io.gan4j.eval.fid.FeatureMoments;
import io.gan4j.eval.fid.GaussianStatistics;
import io.gan4j.eval.npy.Npy;
import io.gan4j.eval.report.Features;
import io.gan4j.eval.samples.SampleSource;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * {@code ShardedGeneration} writes a trained generator's samples as {@link SampleShards} and, when a
 * feature network is named, the feature statistics of all of them (pytorch-fid's {@code .npz}), in
 * parts: {@link #runPart} writes any subset of the shards and returns their entries and the
 * {@link FeatureMoments} of their samples; {@link #finish} merges the parts into the manifest and the
 * statistics. {@link #run} does every part in this process; {@code SparkGeneration} does them as
 * Spark tasks. The shards are the same bytes either way, whatever the split.
 */
public final class ShardedGeneration {

    /** Samples per shard unless set: 10,000 MNIST images are 31 MB of float32. */
    public static final int DEFAULT_SHARD_SIZE = 10_000;

    private ShardedGeneration() {}

    /**
     * What to generate. Paths are strings so that the settings serialize to Spark tasks.
     *
     * @param run the run directory
     * @param step the checkpoint's step, or null for the run's final model (else its newest checkpoint)
     * @param count the number of samples
     * @param seed the noise seed
     * @param shardSize samples per shard, a multiple of {@link Sampling#CHUNK}
     * @param output the shard directory
     * @param features the feature network whose statistics to compute, or null for none
     * @param featureOptions the feature network's options
     * @param pluginDirectory the directory of extra plugin jars, or null
     */
    public record Settings(String run, Long step, int count, long seed, int shardSize, String output, String features,
            Map<String, String> featureOptions, String pluginDirectory) implements Serializable {

        /** Checks the settings. */
        public Settings {
            Objects.requireNonNull(run, "run is null");
            Objects.requireNonNull(output, "output is null");
            if (count <= 0) {
                throw new IllegalArgumentException("sample count must be > 0, was " + count);
            }
            if (shardSize <= 0 || shardSize % Sampling.CHUNK != 0) {
                throw new IllegalArgumentException("shard size must be a positive multiple of " + Sampling.CHUNK + ", was " + shardSize);
            }
            featureOptions = featureOptions == null ? Map.of() : Map.copyOf(featureOptions);
        }

        /** Returns settings for {@code count} samples of {@code run} from {@code seed} into {@code output}, shards of the default size, no statistics. */
        public static Settings of(Path run, int count, long seed, Path output) {
            return new Settings(run.toAbsolutePath().toString(), null, count, seed, DEFAULT_SHARD_SIZE, output.toAbsolutePath().toString(),
                    null, Map.of(), null);
        }

        /** Returns these settings with the weights of the checkpoint after {@code step} steps. */
        public Settings withStep(long step) {
            return new Settings(run, step, count, seed, shardSize, output, features, featureOptions, pluginDirectory);
        }

        /** Returns these settings with another shard size. */
        public Settings withShardSize(int size) {
            return new Settings(run, step, count, seed, size, output, features, featureOptions, pluginDirectory);
        }

        /** Returns these settings computing the statistics of the named feature network. */
        public Settings withFeatures(String name, Map<String, String> options) {
            return new Settings(run, step, count, seed, shardSize, output, name, options, pluginDirectory);
        }

        /** Returns these settings loading extra plugins from {@code directory} (null for none). */
        public Settings withPluginDirectory(Path directory) {
            return new Settings(run, step, count, seed, shardSize, output, features, featureOptions,
                    directory == null ? null : directory.toAbsolutePath().toString());
        }

        /** Returns the number of shards. */
        public int shards() {
            return SampleShards.shardCount(count, shardSize);
        }

        /** Returns the file the statistics are written to, when a feature network is named. */
        public Optional<Path> statisticsFile() {
            return Optional.ofNullable(features).map(f -> Path.of(output).resolve("statistics-" + f + ".npz"));
        }
    }

    /**
     * What one part did.
     *
     * @param shards the shards it wrote
     * @param moments the moments of their samples' features, or null without a feature network
     * @param variant the run's variant
     * @param weights the weights directory it loaded
     * @param step their training step
     * @param sampleShape the shape of one sample
     */
    public record Part(List<SampleShards.Shard> shards, FeatureMoments moments, String variant, String weights, long step,
            long[] sampleShape) implements Serializable {
    }

    /**
     * What the whole generation made.
     *
     * @param manifest the shards' manifest
     * @param directory the shard directory
     * @param statistics the feature statistics of all samples, when a feature network was named
     */
    public record Result(SampleShards manifest, Path directory, Optional<GaussianStatistics> statistics) {
    }

    /**
     * Generates every shard in this process, one after another, then writes the manifest and statistics.
     *
     * @param progress receives the number of samples done after each shard
     */
    public static Result run(Settings settings, PluginRegistry registry, IntConsumer progress) {
        int[] done = {0};
        Part part = runPart(settings, IntStream.range(0, settings.shards()).boxed().toList(), registry,
                n -> progress.accept(done[0] += n));
        return finish(settings, List.of(part));
    }

    /**
     * Writes the shards {@code indices} (each atomically) and returns their entries and moments.
     *
     * @param progress receives the number of samples of each shard as it is written
     */
    public static Part runPart(Settings settings, List<Integer> indices, PluginRegistry registry, IntConsumer progress) {
        Path dir = Path.of(settings.output());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        OptionalLong step = settings.step() == null ? OptionalLong.empty() : OptionalLong.of(settings.step());
        try (TrainedModel model = TrainedModel.load(registry, Path.of(settings.run()), step)) {
            Generator g = model.generator();
            Shape shape = g.sampleShape();
            int perSample = Math.toIntExact(shape.size());
            try (FeatureNetwork network = settings.features() == null ? null
                    : registry.createFeatureNetwork(settings.features(), settings.featureOptions(), shape)) {
                FeatureMoments moments = network == null ? null : new FeatureMoments(network.dimension());
                List<SampleShards.Shard> shards = new ArrayList<>();
                for (int index : indices) {
                    int start = index * settings.shardSize();
                    int n = Math.min(settings.shardSize(), settings.count() - start);
                    int[] labels = Sampling.labels(g, start, n, model.record().classCounts());
                    float[] values;
                    try (NDManager scope = model.manager().newSubManager()) {
                        values = Sampling.generateRange(g, labels, start, n, settings.seed(), scope).toFloatArray();
                    }
                    Path file = dir.resolve(SampleShards.samplesFile(index));
                    Npy.writeFloats(file, values, new Shape(n).addAll(shape).getShape());
                    String labelsName = null;
                    String labelsSha = null;
                    if (labels != null) {
                        labelsName = SampleShards.labelsFile(index);
                        Npy.writeLabels(dir.resolve(labelsName), labels);
                        labelsSha = Sha256.of(dir.resolve(labelsName));
                    }
                    shards.add(new SampleShards.Shard(index, start, n, file.getFileName().toString(), Sha256.of(file), labelsName, labelsSha));
                    if (network != null) {
                        SampleSource source = SampleSource.of("shard " + index + " of " + settings.run(), n, shape,
                                (from, size, m) -> m.create(Arrays.copyOfRange(values, from * perSample, (from + size) * perSample),
                                        new Shape(size).addAll(shape)));
                        moments.add(Features.extract(network, source, d -> { }).matrix());
                    }
                    progress.accept(n);
                }
                return new Part(shards, moments, model.record().spec().variant(), model.weights().toString(), model.step(), shape.getShape());
            }
        }
    }

    /**
     * Writes the manifest of all parts' shards and, with a feature network, the merged statistics.
     *
     * @param parts the parts, in a fixed order (their moments merge in it)
     * @throws IllegalArgumentException when a shard is missing or the parts loaded different weights (the
     *     run was still training: name a step)
     */
    public static Result finish(Settings settings, List<Part> parts) {
        List<SampleShards.Shard> shards = parts.stream().flatMap(p -> p.shards().stream())
                .sorted(Comparator.comparingInt(SampleShards.Shard::index)).toList();
        for (int i = 0; i < settings.shards(); i++) {
            if (i >= shards.size() || shards.get(i).index() != i) {
                throw new IllegalStateException("shard " + i + " was not written");
            }
        }
        Part first = parts.get(0);
        for (Part p : parts) {
            if (!p.weights().equals(first.weights())) {
                throw new IllegalArgumentException("run " + settings.run() + " changed while it was sampled (weights " + first.weights()
                        + " and " + p.weights() + "); name a checkpoint step");
            }
        }
        Path dir = Path.of(settings.output());
        SampleShards manifest = new SampleShards(SampleShards.FORMAT, settings.run(), first.variant(), first.step(), first.weights(),
                settings.seed(), settings.count(), settings.shardSize(), first.sampleShape(), shards);
        manifest.write(dir);
        Optional<GaussianStatistics> statistics = Optional.empty();
        if (settings.features() != null) {
            FeatureMoments all = null;
            for (Part p : parts) {
                all = all == null ? p.moments() : all.merge(p.moments());
            }
            statistics = Optional.of(all.statistics());
            statistics.get().save(settings.statisticsFile().orElseThrow());
        }
        return new Result(manifest, dir, statistics);
    }
}
