package io.gan4j.eval.shards;

import io.gan4j.core.io.Json;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code SampleShards} describes generated samples written as {@code .npy} shards, the file
 * {@value #MANIFEST} of their directory:
 * <pre>
 * manifest.json              this record: where the samples come from and each shard's file and checksum
 * samples-00000.npy …        float32 (n, C, H, W) (or the generator's sample shape), images in [-1, 1]
 * labels-00000.npy …         int64 (n), for a conditional generator
 * </pre>
 * Shard i holds samples [i·shardSize, min((i+1)·shardSize, count)). NumPy reads a shard with
 * {@code np.load}; the whole set is {@code np.concatenate} of the shards in manifest order. Sample k is
 * the same bytes whatever the shard size, the partition count or the machine's Spark master, and equals
 * sample k of {@code gan sample --out FILE.npy} with the same seed (see {@code Sampling.generateRange}).
 *
 * @param format the manifest's format, {@value #FORMAT}
 * @param run the run directory the generator came from
 * @param variant the run's variant
 * @param step the training step of the weights used
 * @param weights the weights directory used
 * @param seed the noise seed
 * @param count the number of samples
 * @param shardSize samples per shard (the last one may hold fewer)
 * @param sampleShape the shape of one sample
 * @param shards every shard, in order
 */
public record SampleShards(String format, String run, String variant, long step, String weights, long seed, int count, int shardSize,
        long[] sampleShape, List<Shard> shards) implements Serializable {

    /** The manifest's file name in the shard directory. */
    public static final String MANIFEST = "manifest.json";

    /** The manifest format this version writes. */
    public static final String FORMAT = "gan4j-sample-shards/1";

    /** Checks the record. */
    public SampleShards {
        Objects.requireNonNull(shards, "shards is null");
        shards = List.copyOf(shards);
        if (shards.size() != shardCount(count, shardSize)) {
            throw new IllegalArgumentException(count + " samples in shards of " + shardSize + " make " + shardCount(count, shardSize)
                    + " shards, not " + shards.size());
        }
    }

    /**
     * One shard.
     *
     * @param index its position among the shards
     * @param start its first sample's position in the set
     * @param count its number of samples
     * @param file its samples' file name, in the manifest's directory
     * @param sha256 the file's SHA-256
     * @param labelsFile its labels' file name, or null for an unconditional generator
     * @param labelsSha256 the labels file's SHA-256, or null
     */
    public record Shard(int index, int start, int count, String file, String sha256, String labelsFile, String labelsSha256)
            implements Serializable {
    }

    /** Returns how many shards {@code count} samples make in shards of {@code shardSize}. */
    public static int shardCount(int count, int shardSize) {
        if (count <= 0 || shardSize <= 0) {
            throw new IllegalArgumentException("count and shard size must be > 0, were " + count + " and " + shardSize);
        }
        return (count + shardSize - 1) / shardSize;
    }

    /** Returns the samples file of shard {@code index}. */
    public static String samplesFile(int index) {
        return String.format("samples-%05d.npy", index);
    }

    /** Returns the labels file of shard {@code index}. */
    public static String labelsFile(int index) {
        return String.format("labels-%05d.npy", index);
    }

    /** Writes this manifest into {@code directory}, atomically, and returns its path. */
    public Path write(Path directory) {
        Path file = directory.resolve(MANIFEST);
        Json.write(file, this);
        return file;
    }

    /**
     * Reads the manifest of a shard directory.
     *
     * @throws IllegalArgumentException when the directory has no manifest or it is of another format
     */
    public static SampleShards read(Path directory) {
        Path file = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a sample shard directory (no " + MANIFEST + "): " + directory);
        }
        SampleShards shards = Json.read(file, SampleShards.class);
        if (!FORMAT.equals(shards.format())) {
            throw new IllegalArgumentException(file + ": format '" + shards.format() + "' is not " + FORMAT);
        }
        return shards;
    }
}
