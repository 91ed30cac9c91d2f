package io.gan4j.eval.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gan4j.core.features.FeatureMatrix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @TempDir
    Path tmp;

    @Test
    void imagesWrittenAsFloat32ReadBackAsOneRowPerImage() throws Exception {
        float[] images = new float[3 * 2 * 2 * 2];
        for (int i = 0; i < images.length; i++) {
            images[i] = (i - 12) / 7f;
        }
        Path file = tmp.resolve("images.npy");
        Npy.writeFloats(file, images, 3, 2, 2, 2);

        byte[] bytes = Files.readAllBytes(file);
        String header = new String(bytes, 10, bytes.length - 10, StandardCharsets.ISO_8859_1);
        // As numpy.save writes it: the header ends with a newline at a 64-byte boundary, then 4 bytes per value.
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2, 2, 2), }");
        int dataStart = bytes.length - images.length * 4;
        assertThat(dataStart % 64).isZero();
        assertThat(bytes[dataStart - 1]).isEqualTo((byte) '\n');

        FeatureMatrix m = Npy.read(file);
        assertThat(m.rows()).isEqualTo(3);
        assertThat(m.cols()).isEqualTo(8);
        for (int i = 0; i < images.length; i++) {
            assertThat(m.values()[i]).isEqualTo(images[i]);
        }
    }

    @Test
    void oneDimensionalArraysAndWrongShapesAreRefused() {
        Path vector = tmp.resolve("vector.npy");
        Npy.writeFloats(vector, new float[] {1, 2, 3}, 3);
        assertThatThrownBy(() -> Npy.read(vector)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read " + vector + ": expected an array of samples x features (2 or more dimensions)")
                .hasMessageContaining("'shape': (3,)");
        assertThatThrownBy(() -> Npy.writeFloats(tmp.resolve("x.npy"), new float[5], 2, 3))
                .hasMessage("shape [2, 3] does not hold 5 values");
    }
}
