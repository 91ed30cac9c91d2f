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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Npy} reads and writes two-dimensional NumPy {@code .npy} files (format versions 1–3,
 * little- or big-endian float32/float64, C order), the interchange format of feature matrices.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])(f[48])'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,?\\s*\\)");

    private Npy() {}

    /**
     * Reads a 2-D float32 or float64 {@code .npy} file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static FeatureMatrix read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            byte[] magic = new byte[6];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw bad(file, "not a NumPy .npy file (bad magic)");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            int headerLength = switch (major) {
                case 1 -> Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
                case 2, 3 -> Integer.reverseBytes(in.readInt());
                default -> throw bad(file, "unsupported .npy version " + major);
            };
            byte[] headerBytes = new byte[headerLength];
            in.readFully(headerBytes);
            String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Matcher descr = DESCR.matcher(header);
            Matcher order = ORDER.matcher(header);
            Matcher shape = SHAPE.matcher(header);
            if (!descr.find()) {
                throw bad(file, "expected float32 or float64 data, header says " + header.trim());
            }
            if (!order.find() || order.group(1).equals("True")) {
                throw bad(file, "Fortran-ordered arrays are not supported");
            }
            if (!shape.find()) {
                throw bad(file, "expected a 2-D array (samples x features), header says " + header.trim());
            }
            long rows = Long.parseLong(shape.group(1));
            long cols = Long.parseLong(shape.group(2));
            if (rows == 0 || cols == 0 || rows * cols > Integer.MAX_VALUE - 8) {
                throw bad(file, "unsupported shape (" + rows + ", " + cols + ")");
            }
            boolean doubles = descr.group(2).equals("f8");
            ByteOrder byteOrder = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
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
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + m.rows() + ", " + m.cols() + "), }";
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        AtomicFiles.write(file, out -> {
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length()).put(header.getBytes(StandardCharsets.ISO_8859_1));
            out.write(head.array());
            ByteBuffer body = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : m.values()) {
                if (!body.hasRemaining()) {
                    out.write(body.array(), 0, body.position());
                    body.clear();
                }
                body.putDouble(v);
            }
            out.write(body.array(), 0, body.position());
        });
    }

    private static IllegalArgumentException bad(Path file, String message) {
        return new IllegalArgumentException("cannot read " + file + ": " + message);
    }

}
