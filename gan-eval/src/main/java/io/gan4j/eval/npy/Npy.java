package io.gan4j.eval.npy;

import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.core.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.ObjIntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code Npy} reads and writes NumPy {@code .npy} files (format versions 1–3, little- or big-endian
 * float32/float64, C order), the interchange format of feature matrices and exported samples (with
 * int64 class labels beside them). An array of more than two dimensions, e.g. images (N, C, H, W),
 * reads as N rows of C·H·W values.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The longest header read: NumPy writes a few hundred bytes; a claim beyond this is damage or an attack. */
    private static final int MAX_HEADER = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])(f[48])'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([\\d\\s,]*)\\)");

    private Npy() {}

    /**
     * Reads a float32 or float64 {@code .npy} file of at least two dimensions as a matrix: the first
     * dimension gives the rows, the others are flattened into the columns.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static FeatureMatrix read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            long fileSize = Files.size(file);
            byte[] magic = new byte[6];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw bad(file, "not a NumPy .npy file (bad magic)");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            int headerLength = switch (major) {
                case 1 -> Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
                case 2, 3 -> Integer.reverseBytes(in.readInt());
                default -> throw bad(file, "unsupported .npy version " + major);
            };
            // Size claims are checked against the file before anything is allocated for them.
            if (headerLength <= 0 || headerLength > MAX_HEADER || headerLength > fileSize - 10) {
                throw bad(file, "implausible header length " + Integer.toUnsignedString(headerLength) + " (the file holds " + fileSize
                        + " bytes)");
            }
            byte[] headerBytes = new byte[headerLength];
            in.readFully(headerBytes);
            String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Matcher descr = DESCR.matcher(header);
            Matcher order = ORDER.matcher(header);
            Matcher shape = SHAPE.matcher(header);
            if (!descr.find()) {
                throw bad(file, "expected float32 or float64 data, header says " + printable(header));
            }
            if (!order.find() || order.group(1).equals("True")) {
                throw bad(file, "Fortran-ordered arrays are not supported");
            }
            long[] dims = shape.find() ? dimensions(shape.group(1)) : new long[0];
            if (dims.length < 2) {
                throw bad(file, "expected an array of samples x features (2 or more dimensions), header says " + printable(header));
            }
            double size = elements(dims, 0);
            if (size == 0 || size > Integer.MAX_VALUE - 8) {
                throw bad(file, "unsupported shape " + Arrays.toString(dims));
            }
            long rows = dims[0];
            long cols = (long) elements(dims, 1);
            boolean doubles = descr.group(2).equals("f8");
            ByteOrder byteOrder = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            long offset = 6 + 2 + (major == 1 ? 2 : 4) + headerLength;
            long claimed = (long) size * (doubles ? 8 : 4);
            if (offset + claimed != fileSize) {
                throw bad(file, "the header claims shape " + Arrays.toString(dims) + " of " + descr.group(2) + " (" + claimed
                        + " bytes of data), the file holds " + (fileSize - offset) + " after its header");
            }
            int n = (int) (rows * cols);
            double[] values = new double[n];
            byte[] chunk = new byte[1 << 20];
            int width = doubles ? 8 : 4;
            int done = 0;
            while (done < n) {
                int count = Math.min(chunk.length / width, n - done);
                in.readFully(chunk, 0, count * width);
                ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, count * width).order(byteOrder);
                for (int i = 0; i < count; i++) {
                    values[done + i] = doubles ? buffer.getDouble() : buffer.getFloat();
                }
                done += count;
            }
            return new FeatureMatrix((int) rows, (int) cols, values);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file not found: " + file);
        } catch (EOFException e) {
            throw bad(file, "truncated");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a matrix as a little-endian float64 {@code .npy} file (version 1), atomically. */
    public static void write(Path file, FeatureMatrix m) {
        double[] values = m.values();
        write(file, "<f8", new long[] {m.rows(), m.cols()}, (body, i) -> body.putDouble(values[i]));
    }

    /**
     * Writes {@code values} as a little-endian float32 {@code .npy} file (version 1) of the given shape,
     * atomically.
     *
     * @throws IllegalArgumentException when the shape does not hold exactly the values
     */
    public static void writeFloats(Path file, float[] values, long... shape) {
        if (shape.length == 0 || elements(shape, 0) != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
        }
        write(file, "<f4", shape, (body, i) -> body.putFloat(values[i]));
    }

    /** Writes class labels as a little-endian int64 {@code .npy} vector (version 1), atomically. */
    public static void writeLabels(Path file, int[] labels) {
        write(file, "<i8", new long[] {labels.length}, (body, i) -> body.putLong(labels[i]));
    }

    /** Writes the header for {@code descr} and {@code shape}, then the shape's values, each put by {@code values}. */
    private static void write(Path file, String descr, long[] shape, ObjIntConsumer<ByteBuffer> values) {
        int count = (int) elements(shape, 0);
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "") + "), }";
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        AtomicFiles.write(file, out -> {
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length()).put(header.getBytes(StandardCharsets.ISO_8859_1));
            out.write(head.array());
            ByteBuffer body = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                if (body.remaining() < 8) {
                    out.write(body.array(), 0, body.position());
                    body.clear();
                }
                values.accept(body, i);
            }
            out.write(body.array(), 0, body.position());
        });
    }

    /** Returns the number of elements in dimensions {@code from}.. of {@code dims}, as a double so that no product overflows. */
    private static double elements(long[] dims, int from) {
        return Arrays.stream(dims).skip(from).asDoubleStream().reduce(1, (a, b) -> a * b);
    }

    /** Parses a shape tuple's contents, e.g. "10, 3, 28, 28" or "5,"; no dimensions when a number is too large. */
    private static long[] dimensions(String tuple) {
        try {
            return Arrays.stream(tuple.split(",")).map(String::trim).filter(t -> !t.isEmpty()).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            return new long[0];
        }
    }

    /** Returns header text fit for a one-line message: at most 120 characters, non-printable ones escaped. */
    private static String printable(String header) {
        StringBuilder out = new StringBuilder();
        for (char c : header.strip().toCharArray()) {
            if (out.length() >= 120) {
                return out + "...";
            }
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c & 0xff));
        }
        return out.toString();
    }

    private static IllegalArgumentException bad(Path file, String message) {
        return new IllegalArgumentException("cannot read " + file + ": " + message);
    }

}
