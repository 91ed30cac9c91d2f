package io.gan4j.eval.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.features.Distances;
import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.core.io.Json;
import io.gan4j.core.io.Sha256;
import io.gan4j.eval.npy.Npy;
import io.gan4j.eval.samples.SampleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A {@code ReferenceCache} keeps the features of reference (real) sample sets on disk, with what the
 * metrics derive from them alone (the k-nearest-neighbour radii of precision/recall and
 * density/coverage), so evaluating again against the same reference — during training, in a sweep,
 * after each checkpoint — does not extract and measure it again.
 *
 * <p>An entry is keyed by the SHA-256 of the feature network's name, its weights' SHA-256, its output
 * size, and every value of every reference sample in order: different data, a different network, a
 * different count or seed of the subset all give another key, so an entry is never used for anything
 * but what it was made from. Entries are directories {@code reference-KEY/} of {@code .npy} files,
 * written atomically; delete the directory to empty the cache. Location: {@code $GAN4J_CACHE}, else
 * {@code $XDG_CACHE_HOME/gan4j}, else {@code ~/.cache/gan4j}; {@code GAN4J_CACHE=off} turns it off.
 */
public final class ReferenceCache {

    /** The environment variable naming the cache directory, or {@code off}. */
    public static final String ENV = "GAN4J_CACHE";

    private static final String VERSION = "gan4j reference features v1";

    private final Path directory;

    private ReferenceCache(Path directory) {
        this.directory = directory;
    }

    /** Returns the cache in {@code directory}. */
    public static ReferenceCache at(Path directory) {
        return new ReferenceCache(directory);
    }

    /** Returns a cache that keeps nothing: every reference is measured. */
    public static ReferenceCache none() {
        return new ReferenceCache(null);
    }

    /** Returns the cache at its default location (see the class description), or {@link #none()} when turned off. */
    public static ReferenceCache atDefaultLocation() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return env.equalsIgnoreCase("off") ? none() : at(Path.of(env));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("gan4j"));
    }

    /** Returns the cache directory, or null when nothing is kept. */
    public Path directory() {
        return directory;
    }

    /**
     * The reference set's features, from the cache or extracted (and then kept).
     *
     * @param network the feature network
     * @param real the reference samples
     * @param progress receives samples processed so far
     * @return the features, with the key of their entry
     */
    public Reference features(FeatureNetwork network, SampleSource real, IntConsumer progress) {
        if (directory == null) {
            return new Reference(Features.extract(network, real, progress), null);
        }
        Path entry = directory.resolve("reference-" + key(network, real));
        Path matrix = entry.resolve("features.npy");
        Path probabilities = entry.resolve("probabilities.npy");
        if (Files.isRegularFile(matrix) && (network.numClasses() == 0 || Files.isRegularFile(probabilities))) {
            try {
                FeatureMatrix m = Npy.read(matrix);
                double[][] p = network.numClasses() == 0 ? null : rows(Npy.read(probabilities));
                if (m.rows() == real.size() && m.cols() == network.dimension()) {
                    progress.accept(real.size());
                    return new Reference(new Features(m, p), entry);
                }
            } catch (IllegalArgumentException damaged) {
                // measured again below, and the entry rewritten
            }
        }
        Features features = Features.extract(network, real, progress);
        try {
            Files.createDirectories(entry);
            Npy.write(matrix, features.matrix());
            if (features.probabilities() != null) {
                Npy.write(probabilities, matrix(features.probabilities()));
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("reference", real.description());
            info.put("count", real.size());
            info.put("featureNetwork", network.name());
            info.put("weightsSha256", network.weightsHash());
            info.put("createdAt", Instant.now().toString());
            Json.write(entry.resolve("info.json"), info);
        } catch (IOException | UncheckedIOException e) {
            // a cache that cannot be written costs time, not results
        }
        return new Reference(features, entry);
    }

    /**
     * A reference set's features and where they are kept.
     *
     * @param features the features
     * @param entry the cache entry, or null when nothing is kept
     */
    public record Reference(Features features, Path entry) {

        /**
         * Returns each row's distance to its k-th nearest other row for each k, from the entry when it holds
         * them, else computed in one pass (and kept).
         */
        public double[][] neighbourRadii(int... ks) {
            Path file = entry == null ? null : entry.resolve("radii-k" + String.join("-", Arrays.stream(ks).mapToObj(String::valueOf)
                    .toList()) + ".npy");
            if (file != null && Files.isRegularFile(file)) {
                try {
                    FeatureMatrix m = Npy.read(file);
                    if (m.rows() == ks.length && m.cols() == features.matrix().rows()) {
                        return rows(m);
                    }
                } catch (IllegalArgumentException damaged) {
                    // computed again
                }
            }
            double[][] radii = Distances.kthNeighbourDistances(features.matrix(), ks);
            if (file != null) {
                try {
                    Npy.write(file, matrix(radii));
                } catch (UncheckedIOException e) {
                    // not kept
                }
            }
            return radii;
        }
    }

    /** Returns equal-length rows as one matrix (what is written to {@code .npy}). */
    private static FeatureMatrix matrix(double[][] rows) {
        double[] flat = new double[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[i].length, rows[i].length);
        }
        return new FeatureMatrix(rows.length, rows[0].length, flat);
    }

    /** Returns a matrix's rows (what is read from {@code .npy}). */
    private static double[][] rows(FeatureMatrix m) {
        double[][] out = new double[m.rows()][];
        for (int i = 0; i < m.rows(); i++) {
            out[i] = Arrays.copyOfRange(m.values(), i * m.cols(), (i + 1) * m.cols());
        }
        return out;
    }

    /** Returns the entry's key: the network's identity and every value of every reference sample, hashed. */
    static String key(FeatureNetwork network, SampleSource real) {
        MessageDigest digest = Sha256.digest();
        digest.update((VERSION + "\n" + network.name() + "\n" + network.weightsHash() + "\n" + network.dimension() + "\n"
                + network.numClasses() + "\n" + real.size() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            for (int start = 0; start < real.size(); start += 1000) {
                int count = Math.min(1000, real.size() - start);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray batch = real.batch(start, count, scope);
                    float[] values = batch.toType(DataType.FLOAT32, false).toFloatArray();
                    ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    bytes.asFloatBuffer().put(values);
                    digest.update(bytes);
                    digest.update(batch.getShape().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
