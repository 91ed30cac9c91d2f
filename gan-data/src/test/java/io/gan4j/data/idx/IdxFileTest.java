package io.gan4j.data.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gan4j.data.image.ImageTensorDataset;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IdxFileTest {

    @TempDir
    Path tmp;

    private static byte[] idx(int magic, int[] dims, int payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        for (int i = 0; i < payload; i++) {
            out.writeByte(i * 37);
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path file = tmp.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    @Test
    void readsRawAndGzipImagesWithLabelsScaledToMinusOneOne() throws IOException {
        Path raw = write("x.idx", idx(0x803, new int[] {3, 2, 2}, 12), false);
        Path gz = write("x.idx.gz", idx(0x803, new int[] {3, 2, 2}, 12), true);
        Path labels = write("y.idx", new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 7, 1, 9}, false);
        assertThat(IdxFile.readImages(raw).pixels()).containsExactly(IdxFile.readImages(gz).pixels());
        ImageTensorDataset d = IdxDatasets.open(gz, labels);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.sampleShape().getShape()).containsExactly(1, 2, 2);
        assertThat(d.numClasses()).isEqualTo(10);
        assertThat(d.label(2)).isEqualTo(9);
        float[] sample = new float[4];
        d.read(1, sample, 0);
        // byte 4 of the payload is (4·37) mod 256 = 148 → 148/127.5 − 1
        assertThat(sample[0]).isCloseTo(148 / 127.5f - 1, within(1e-6f));
    }

    @Test
    void rejectsMalformedFilesNamingThem() throws IOException {
        Path wrongMagic = write("magic.idx", idx(0x801, new int[] {3}, 3), false);
        assertThatThrownBy(() -> IdxFile.readImages(wrongMagic))
                .hasMessage("not a valid IDX file " + wrongMagic + ": expected IDX images (magic 0x00000803), found magic 0x00000801");
        Path truncated = write("short.idx", idx(0x803, new int[] {3, 2, 2}, 10), false);
        assertThatThrownBy(() -> IdxFile.readImages(truncated)).hasMessageContaining("truncated: the header claims 3 images of 2x2 (12 bytes), the file holds 10");
        Path trailing = write("long.idx", idx(0x803, new int[] {3, 2, 2}, 13), false);
        assertThatThrownBy(() -> IdxFile.readImages(trailing)).hasMessageContaining("trailing bytes");
        Path header = write("header.idx", new byte[] {0, 0, 8, 3, 0}, false);
        assertThatThrownBy(() -> IdxFile.readImages(header)).hasMessageContaining("truncated header");
        Path dims = write("dims.idx", idx(0x803, new int[] {-1, 2, 2}, 0), false);
        assertThatThrownBy(() -> IdxFile.readImages(dims)).hasMessageContaining("implausible dimensions");
        Path corrupt = tmp.resolve("corrupt.gz");
        Files.write(corrupt, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5});
        assertThatThrownBy(() -> IdxFile.readImages(corrupt)).hasMessageStartingWith("not a valid IDX file " + corrupt);
        assertThatThrownBy(() -> IdxFile.readImages(tmp.resolve("missing.gz"))).hasMessage("file not found: " + tmp.resolve("missing.gz"));
    }

    @Test
    void rejectsLabelsThatDoNotMatchTheImages() throws IOException {
        Path images = write("x.idx", idx(0x803, new int[] {3, 2, 2}, 12), false);
        Path labels = write("y.idx", idx(0x801, new int[] {2}, 2), false);
        assertThatThrownBy(() -> IdxDatasets.open(images, labels)).hasMessageContaining("number 2, the images 3");
    }

    @Test
    void embeddedMnistIsTheOriginalTestSplit() throws Exception {
        ImageTensorDataset mnist = IdxDatasets.embeddedMnist();
        assertThat(mnist.size()).isEqualTo(10_000);
        assertThat(mnist.sampleShape().getShape()).containsExactly(1, 28, 28);
        assertThat(mnist.numClasses()).isEqualTo(10);
        int[] counts = new int[10];
        for (int i = 0; i < mnist.size(); i++) {
            counts[mnist.label(i)]++;
        }
        // The official MNIST test split: 980 zeros ... 1009 nines.
        assertThat(counts).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        Path shared = Path.of(System.getProperty("gan4j.shared.datasets", "../shared/datasets"), "mnist/t10k-images-idx3-ubyte.gz");
        if (Files.isRegularFile(shared)) {
            byte[] a = IdxFile.readImages(shared).pixels();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(a)))
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(mnistPixels(mnist))));
        }
    }

    private static byte[] mnistPixels(ImageTensorDataset d) {
        byte[] out = new byte[d.size() * 784];
        float[] buf = new float[784];
        for (int i = 0; i < d.size(); i++) {
            d.read(i, buf, 0);
            for (int j = 0; j < 784; j++) {
                out[i * 784 + j] = (byte) Math.round((buf[j] + 1) * 127.5f);
            }
        }
        return out;
    }

    @Test
    void writtenFilesReadBackIdentically() {
        byte[] pixels = new byte[3 * 4 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 41);
        }
        byte[] labels = {7, 0, 9};
        for (String suffix : new String[] {"", ".gz"}) {
            Path images = tmp.resolve("w-images" + suffix);
            Path labelFile = tmp.resolve("w-labels" + suffix);
            IdxFile.writeImages(images, new IdxImages("test", 3, 4, 5, pixels));
            IdxFile.writeLabels(labelFile, labels);
            IdxImages read = IdxFile.readImages(images);
            assertThat(read.count()).isEqualTo(3);
            assertThat(read.rows()).isEqualTo(4);
            assertThat(read.cols()).isEqualTo(5);
            assertThat(read.pixels()).isEqualTo(pixels);
            assertThat(IdxFile.readLabels(labelFile)).isEqualTo(labels);
        }
    }

    @Test
    void pixelsSurviveTheRoundTripThroughTensorValues() {
        byte[] pixels = new byte[256];
        for (int i = 0; i < 256; i++) {
            pixels[i] = (byte) i;
        }
        ImageTensorDataset data = new ImageTensorDataset("all bytes", pixels, new ai.djl.ndarray.types.Shape(1, 16, 16), null, 0);
        float[] values = new float[256];
        data.read(0, values, 0);
        assertThat(ImageTensorDataset.toPixels(values)).isEqualTo(pixels);
        assertThat(ImageTensorDataset.toPixels(new float[] {-3f, 3f})).containsExactly((byte) 0, (byte) 255);
    }
}
