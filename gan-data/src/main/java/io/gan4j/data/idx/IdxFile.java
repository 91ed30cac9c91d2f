package io.gan4j.data.idx;

import io.gan4j.core.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code IdxFile} reads and writes the IDX format of the MNIST distribution (raw or gzip-compressed): images
 * (magic 0x00000803, count, rows, cols, then unsigned bytes) and labels (magic 0x00000801, count,
 * then unsigned bytes). Every header field and the payload length are validated.
 */
public final class IdxFile {

    /** Magic number of an unsigned-byte, three-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte, one-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int MAX_SIDE = 4096;
    /** Bytes read at a time: what a false size claim can cost before the data runs out. */
    private static final int CHUNK = 1 << 20;

    private IdxFile() {}

    /**
     * Reads an images file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static IdxImages readImages(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(file.toString(), in);
        } catch (IOException e) {
            throw io(file.toString(), e);
        }
    }

    /**
     * Reads an images file from a stream.
     *
     * @param file names the source in messages
     * @throws IllegalArgumentException naming the source and what is wrong with it
     */
    public static IdxImages readImages(String file, InputStream stream) {
        try (DataInputStream in = open(stream)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw bad(file, String.format("expected IDX images (magic 0x%08X), found magic 0x%08X", IMAGES_MAGIC, magic));
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count <= 0 || rows <= 0 || cols <= 0 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw bad(file, "implausible dimensions " + count + " x " + rows + " x " + cols);
            }
            long length = (long) count * rows * cols;
            if (length > Integer.MAX_VALUE - 16) {
                throw bad(file, "too large to load: " + length + " bytes");
            }
            byte[] pixels = readClaimed(in, length, file, count + " images of " + rows + "x" + cols);
            expectEnd(in, file);
            return new IdxImages(file, count, rows, cols, pixels);
        } catch (IOException e) {
            throw io(file, e);
        }
    }

    /**
     * Reads a labels file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static byte[] readLabels(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(file.toString(), in);
        } catch (IOException e) {
            throw io(file.toString(), e);
        }
    }

    /**
     * Reads a labels file from a stream.
     *
     * @param file names the source in messages
     * @throws IllegalArgumentException naming the source and what is wrong with it
     */
    public static byte[] readLabels(String file, InputStream stream) {
        try (DataInputStream in = open(stream)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw bad(file, String.format("expected IDX labels (magic 0x%08X), found magic 0x%08X", LABELS_MAGIC, magic));
            }
            int count = in.readInt();
            if (count <= 0) {
                throw bad(file, "implausible label count " + count);
            }
            byte[] labels = readClaimed(in, count, file, count + " labels");
            expectEnd(in, file);
            return labels;
        } catch (IOException e) {
            throw io(file, e);
        }
    }

    /** Writes an images file atomically, gzip-compressed when the name ends with {@code .gz}. */
    public static void writeImages(Path file, IdxImages images) {
        write(file, out -> {
            out.writeInt(IMAGES_MAGIC);
            out.writeInt(images.count());
            out.writeInt(images.rows());
            out.writeInt(images.cols());
            out.write(images.pixels());
        });
    }

    /** Writes a labels file atomically, gzip-compressed when the name ends with {@code .gz}. */
    public static void writeLabels(Path file, byte[] labels) {
        write(file, out -> {
            out.writeInt(LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
        });
    }

    private interface Content {
        void write(DataOutputStream out) throws IOException;
    }

    private static void write(Path file, Content content) {
        AtomicFiles.write(file, raw -> {
            OutputStream target = file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target));
            content.write(out);
            out.flush();
            if (target instanceof GZIPOutputStream gzip) {
                gzip.finish();
            }
        });
    }

    private static DataInputStream open(InputStream stream) throws IOException {
        InputStream raw = new BufferedInputStream(stream, 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw), 1 << 16) : raw);
    }

    /**
     * Reads the payload a header claims without trusting the claim: memory grows only with bytes that
     * are really there (a 100-byte file claiming 2³¹ items fails as truncated, not out of memory), and
     * real data larger than this JVM could hold is refused as it arrives.
     */
    private static byte[] readClaimed(DataInputStream in, long claimed, String file, String what) throws IOException {
        long heap = Runtime.getRuntime().maxMemory();
        List<byte[]> chunks = new ArrayList<>();
        long read = 0;
        while (read < claimed) {
            if (read + CHUNK > heap / 2) {  // real data (a gzip stream may hold gigabytes) too large to hold twice
                throw bad(file, "holds more than this JVM's memory allows for " + what + " (max heap " + heap / (1 << 20)
                        + " MiB; raise it with -Xmx, e.g. GAN_JAVA_OPTS=-Xmx8g)");
            }
            byte[] chunk = new byte[(int) Math.min(CHUNK, claimed - read)];
            int filled = 0;
            while (filled < chunk.length) {
                int n = in.read(chunk, filled, chunk.length - filled);
                if (n < 0) {
                    throw bad(file, "truncated: the header claims " + what + " (" + claimed + " bytes), the file holds " + (read + filled));
                }
                filled += n;
            }
            chunks.add(chunk);
            read += filled;
        }
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        byte[] all = new byte[(int) claimed];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return all;
    }

    private static void expectEnd(DataInputStream in, String file) throws IOException {
        if (in.read() >= 0) {
            throw bad(file, "has trailing bytes after the payload the header declares");
        }
    }

    private static IllegalArgumentException bad(String file, String message) {
        return new IllegalArgumentException("not a valid IDX file " + file + ": " + message);
    }

    private static IllegalArgumentException io(String file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new IllegalArgumentException("file not found: " + file);
        }
        if (e instanceof EOFException) {
            return bad(file, "truncated header");
        }
        if (e instanceof java.util.zip.ZipException) {
            return bad(file, "corrupt gzip data (" + e.getMessage() + ")");
        }
        return new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
}
