package io.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.gan4j.core.io.Json;
import io.gan4j.core.io.Sha256;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.Network;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code Checkpoints} writes and reads checkpoint directories: {@value #NETWORKS} (every network
 * tensor, BatchNorm running statistics and spectral norm's u included), {@value #OPTIMIZERS} (Adam
 * moments, and the generator's weight average when the run keeps one), both NumPy
 * {@code .npz} archives keyed {@code network/parameter}, and {@value #STATE} (counters). No Java
 * serialization; NumPy can read the archives.
 */
public final class Checkpoints {

    /** Network tensors. */
    public static final String NETWORKS = "networks.npz";
    /** Optimizer moments. */
    public static final String OPTIMIZERS = "optimizers.npz";
    /** Counters, as JSON. */
    public static final String STATE = "state.json";
    /** SHA-256 of every other file, in {@code sha256sum}'s format, written last ({@code sha256sum -c} checks it). */
    public static final String CHECKSUMS = "sha256sums.txt";

    /**
     * The counters of a checkpoint.
     *
     * @param step completed generator steps
     * @param epoch data epoch of the cursor
     * @param position position of the cursor within the epoch
     * @param optimizerUpdates update count per optimizer group
     */
    public record State(long step, long epoch, int position, Map<String, Long> optimizerUpdates) {

        /** Checks the counters, which a damaged or hand-edited {@code state.json} could make negative. */
        public State {
            if (step < 0 || epoch < 0 || position < 0) {
                throw new IllegalArgumentException("step, epoch and position must be >= 0, were " + step + ", " + epoch + ", " + position);
            }
            optimizerUpdates = optimizerUpdates == null ? Map.of() : Map.copyOf(optimizerUpdates);
            optimizerUpdates.forEach((group, count) -> {
                if (count == null || count < 0) {
                    throw new IllegalArgumentException("optimizer group '" + group + "' has " + count + " updates");
                }
            });
        }
    }

    private Checkpoints() {}

    /** Writes named arrays as an {@code .npz} file. */
    static void writeNpz(Path file, Map<String, NDArray> arrays, NDManager scratch) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(encodeNpz(arrays, scratch));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Returns named arrays encoded as an {@code .npz} archive (copies are encoded, so live arrays keep their names). */
    public static byte[] encodeNpz(Map<String, NDArray> arrays, NDManager scratch) {
        try (NDManager tmp = scratch.newSubManager()) {
            NDList list = new NDList();
            arrays.forEach((name, array) -> {
                NDArray copy = array.duplicate();
                copy.attach(tmp);
                copy.setName(name);
                list.add(copy);
            });
            return reproducible(list.encode(NDList.Encoding.NPZ));
        }
    }

    /**
     * Returns the archive with every entry stored uncompressed and dated 1980-01-01, so the same arrays
     * always give the same bytes (DJL dates entries with the clock; float weights barely compress).
     */
    private static byte[] reproducible(byte[] npz) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(npz.length + 4096);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(npz));
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data);
                java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(e.getName());
                entry.setMethod(java.util.zip.ZipEntry.STORED);
                entry.setSize(data.length);
                entry.setCompressedSize(data.length);
                entry.setCrc(crc.getValue());
                entry.setTime(FIXED_TIME);
                out.putNextEntry(entry);
                out.write(data);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-encode an .npz archive", e);
        }
        return bytes.toByteArray();
    }

    private static final long FIXED_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0)
            .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();

    /**
     * Records the SHA-256 of every file in a checkpoint or model directory being written; call it last.
     *
     * @param directory the directory, complete but for its checksums
     */
    static void writeChecksums(Path directory) {
        StringBuilder sums = new StringBuilder();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                sums.append(Sha256.of(f)).append("  ").append(f.getFileName()).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        try {
            Files.writeString(directory.resolve(CHECKSUMS), sums, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checksums in " + directory, e);
        }
    }

    /**
     * Checks a checkpoint or model directory against the checksums recorded when it was written, and its
     * counters: returns what is wrong, or empty when it verifies. Directories written before checksums were
     * recorded are checked for their counters only.
     *
     * @param directory a checkpoint or model directory
     * @return what is wrong, naming the file, or empty
     */
    public static Optional<String> verify(Path directory) {
        Path sums = directory.resolve(CHECKSUMS);
        try {
            if (Files.isRegularFile(sums)) {
                for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
                    int gap = line.indexOf("  ");
                    if (gap != 64) {
                        return Optional.of(sums + " is damaged");
                    }
                    Path file = directory.resolve(line.substring(gap + 2));
                    if (!Files.isRegularFile(file)) {
                        return Optional.of(file + " is missing");
                    }
                    if (!Sha256.of(file).equals(line.substring(0, gap))) {
                        return Optional.of(file + " does not match the SHA-256 recorded when it was written (truncated or corrupt)");
                    }
                }
            }
            readState(directory);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }


    /** Reads a checkpoint's counters. */
    public static State readState(Path checkpoint) {
        return Json.read(checkpoint.resolve(STATE), State.class);
    }

    /**
     * Copies the arrays of an {@code .npz} file into existing arrays of the same names and shapes.
     *
     * @throws IllegalArgumentException when names or shapes do not match, naming the file
     */
    public static void restoreNpz(Path file, Map<String, NDArray> targets, NDManager scratch) {
        try (InputStream in = Files.newInputStream(file)) {
            restoreNpz(in, file.toString(), targets, scratch);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies the arrays of an {@code .npz} stream into existing arrays of the same names and shapes.
     *
     * @param file names the source in messages
     * @throws IllegalArgumentException when names or shapes do not match
     */
    public static void restoreNpz(InputStream in, String file, Map<String, NDArray> targets, NDManager scratch) {
        try (NDManager tmp = scratch.newSubManager()) {
            copyInto(decode(in, tmp), file, targets);
        }
    }

    /**
     * Copies the networks of an {@code .npz} file of network weights that {@code variant} also has
     * (same network name) into the variant; a copied network must match array for array.
     *
     * @throws IllegalArgumentException when the file cannot be read or a shared network differs
     */
    static void restoreSharedNetworks(Path file, GanVariant variant, NDManager scratch) {
        try (NDManager tmp = scratch.newSubManager(); InputStream in = Files.newInputStream(file)) {
            Map<String, NDArray> byName = decode(in, tmp);
            Set<String> stored = new TreeSet<>();
            byName.keySet().forEach(k -> stored.add(networkOf(k)));
            List<String> shared = variant.networks().stream().map(Network::name).filter(stored::contains).toList();
            Map<String, NDArray> targets = new LinkedHashMap<>(Networks.arrays(variant));
            targets.keySet().removeIf(k -> !shared.contains(networkOf(k)));
            byName.keySet().removeIf(k -> !shared.contains(networkOf(k)));
            copyInto(byName, file.toString(), targets);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the names of the networks an {@code .npz} file of network weights holds, reading only its
     * directory of entries.
     *
     * @throws IllegalArgumentException when the file cannot be read as a zip archive
     */
    public static Set<String> networksIn(Path file) {
        Set<String> networks = new TreeSet<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.contains("/")).forEach(n -> networks.add(networkOf(n)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return networks;
    }

    /** Returns the network part of a {@code network/parameter} name. */
    private static String networkOf(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    private static Map<String, NDArray> decode(InputStream in, NDManager manager) {
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (NDArray a : NDList.decode(manager, in)) {
            byName.put(a.getName(), a);
        }
        return byName;
    }

    private static void copyInto(Map<String, NDArray> byName, String file, Map<String, NDArray> targets) {
        Set<String> missing = new TreeSet<>(targets.keySet());
        missing.removeAll(byName.keySet());
        Set<String> extra = new TreeSet<>(byName.keySet());
        extra.removeAll(targets.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalArgumentException(file + " does not match the networks: missing " + missing + ", unexpected " + extra);
        }
        for (var e : targets.entrySet()) {
            NDArray source = byName.get(e.getKey());
            if (!source.getShape().equals(e.getValue().getShape())) {
                throw new IllegalArgumentException(file + ": " + e.getKey() + " has shape " + source.getShape()
                        + ", the network expects " + e.getValue().getShape());
            }
            source.copyTo(e.getValue());
        }
    }
}
