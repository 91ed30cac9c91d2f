package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs made to hurt: every one ends in exit status 2 and one line naming the file and what is wrong,
 * in a JVM with a 512 MB heap (so a size claim trusted before reading would be an OutOfMemoryError).
 */
final class HostileInputsTest {

    @TempDir
    Path tmp;

    @Test
    void sizeClaimsAndBadValuesGiveOneLineAndStatusTwoUnderASmallHeap() throws Exception {
        Path images = idxImages(tmp.resolve("ten-images"), 10, 28, 28, 10 * 28 * 28);
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("truncated: the header claims 2147483647 labels", data("idx:" + images + "," + idxLabels(tmp.resolve("labels"), Integer.MAX_VALUE, false)));
        cases.put("truncated: the header claims 2147483647 labels (", data("idx:" + images + "," + idxLabels(tmp.resolve("labels.gz"), Integer.MAX_VALUE, true)));
        cases.put("truncated: the header claims 2147483 images of 28x28", data("idx:" + idxImages(tmp.resolve("huge"), 2_147_483, 28, 28, 100)));
        cases.put("truncated: the header claims 2000 images of 28x28", data("idx:" + idxImages(tmp.resolve("short"), 2000, 28, 28, 100)));
        cases.put("the header claims shape [2000000, 784] of f4", npyEval(npy(tmp.resolve("claims.npy"), 1, "(2000000, 784)", 627_000)));
        cases.put("implausible header length 2147483647", npyEval(npyHeaderLength(tmp.resolve("v2-max.npy"), 0x7FFFFFFF)));
        cases.put("implausible header length 2147483648", npyEval(npyHeaderLength(tmp.resolve("v2-neg.npy"), 0x80000000)));
        cases.put("line 1 is longer than 1048576 characters", csv(tmp.resolve("long-header.csv"), "a".repeat(3 << 20) + ",label\n1,x\n"));
        cases.put("column 'b' appears twice in the header (columns 2 and 3)", csv(tmp.resolve("dup.csv"), "a,b,b,label\n1,2,3,x\n4,5,6,y\n"));
        cases.put("line 3, column 'b': 1e308 is out of range", csv(tmp.resolve("big.csv"), "a,b,label\n1,2,x\n4,1e308,y\n"));
        cases.put("line 2, column 'a': Infinity is not a finite number", csv(tmp.resolve("inf.csv"), "a,b,label\nInfinity,2,x\n4,5,y\n"));
        cases.put("the header has one column and contains ';'", csv(tmp.resolve("semicolon.csv"), "a;b;label\n1;2;x\n4;5;y\n"));
        cases.put("line 3: 2 fields, the header has 3", csv(tmp.resolve("ragged.csv"), "a,b,label\n1,2,x\n4,y\n"));
        Path nan = tmp.resolve("nan.npy");
        io.gan4j.eval.npy.Npy.writeFloats(nan, nanImages(20), 20, 1, 28, 28);
        cases.put("holds NaN", new String[] {"eval", "--samples", nan.toString(), "--reference", "mnist", "-n", "20", "--metrics", "fid"});

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            Path log = tmp.resolve("case.log");
            Process gan = RunRobustnessTest.ganWithHeap(log, "-Xmx512m", c.getValue());
            assertThat(gan.waitFor(3, TimeUnit.MINUTES)).as(c.getKey()).isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (gan.exitValue() != GanCommand.USER_ERROR || output.contains("\n") || !output.contains(c.getKey()) || output.length() > 400) {
                failures.add(c.getKey() + " -> exit " + gan.exitValue() + ": " + output.substring(0, Math.min(600, output.length())));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String[] data(String spec) {
        return new String[] {"train", "dcgan", "--data", spec, "--dry-run"};
    }

    private static String[] npyEval(Path file) {
        return new String[] {"eval", "--samples", file.toString(), "--reference", "mnist", "-n", "10", "--metrics", "fid"};
    }

    private static String[] csv(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return new String[] {"train", "cgan", "--data", "csv:" + file, "--dry-run"};
    }

    private static Path idxImages(Path file, int count, int rows, int cols, int payload) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + payload);
        b.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols);
        Files.write(file, b.array());
        return file;
    }

    private static Path idxLabels(Path file, int count, boolean gzip) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + 100);
        b.putInt(0x00000801).putInt(count);
        byte[] bytes = b.array();
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(bytes);
            }
            bytes = out.toByteArray();
        }
        Files.write(file, bytes);
        return file;
    }

    private static Path npy(Path file, int version, String shape, int body) throws IOException {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
        header = header + " ".repeat(64 - (10 + header.length() + 1) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + body).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        Files.write(file, b.array());
        return file;
    }

    private static Path npyHeaderLength(Path file, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12 + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(length);
        Files.write(file, b.array());
        return file;
    }

    private static float[] nanImages(int n) {
        float[] values = new float[n * 28 * 28];
        java.util.Arrays.fill(values, Float.NaN);
        return values;
    }
}
