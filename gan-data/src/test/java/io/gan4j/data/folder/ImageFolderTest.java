package io.gan4j.data.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.data.DatasetSources;
import io.gan4j.core.event.Progress;
import io.gan4j.data.DataPlugin;
import io.gan4j.data.image.ImageTensorDataset;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ImageFolderTest {

    @TempDir
    Path tmp;

    private void write(Path file, int w, int h, int type, int rgb) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void readsGreyImagesWithClassSubdirectoriesAsLabels() throws Exception {
        write(tmp.resolve("cats/a.png"), 4, 3, BufferedImage.TYPE_BYTE_GRAY, 0xFFFFFF);
        write(tmp.resolve("dogs/b.png"), 4, 3, BufferedImage.TYPE_BYTE_GRAY, 0x000000);
        ImageTensorDataset d = ImageFolder.open(tmp);
        assertThat(d.sampleShape().getShape()).containsExactly(1, 3, 4);
        assertThat(d.numClasses()).isEqualTo(2);
        assertThat(d.label(1)).isEqualTo(1);
        float[] x = new float[12];
        d.read(0, x, 0);
        assertThat(x[0]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void readsColourAsThreeChannels() throws Exception {
        write(tmp.resolve("x.png"), 2, 2, BufferedImage.TYPE_INT_RGB, 0xFF0000);
        ImageTensorDataset d = ImageFolder.open(tmp);
        assertThat(d.sampleShape().getShape()).containsExactly(3, 2, 2);
        float[] x = new float[12];
        d.read(0, x, 0);
        assertThat(x[0]).isEqualTo(1f);
        assertThat(x[4]).isEqualTo(-1f);
    }

    @Test
    void theFolderDatasetReportsEachImageReadToTheRegistrysProgress() throws Exception {
        for (String name : new String[] {"a.png", "b.png", "c.png"}) {
            write(tmp.resolve(name), 2, 2, BufferedImage.TYPE_BYTE_GRAY, 0);
        }
        List<String> updates = new ArrayList<>();
        DatasetSources sources = new DatasetSources() {
            @Override
            public Dataset open(String spec) {
                throw new AssertionError("a folder opens no other dataset");
            }

            @Override
            public Progress progress() {
                return (task, done, total) -> updates.add(task + " " + done + "/" + total);
            }
        };
        Dataset d = new DataPlugin().datasets().stream().filter(f -> f.name().equals("folder")).findFirst().orElseThrow()
                .open(tmp + ",size=1", 0, sources);
        assertThat(d.size()).isEqualTo(3);
        String task = "reading " + tmp;
        assertThat(updates).containsExactly(task + " 0/3", task + " 1/3", task + " 2/3", task + " 3/3");
    }

    @Test
    void namesWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> ImageFolder.open(tmp.resolve("none"))).hasMessage("image folder not found: " + tmp.resolve("none"));
        assertThatThrownBy(() -> ImageFolder.open(tmp)).hasMessageContaining("no images");
        write(tmp.resolve("a.png"), 2, 2, BufferedImage.TYPE_INT_RGB, 0);
        write(tmp.resolve("b.png"), 3, 2, BufferedImage.TYPE_INT_RGB, 0);
        assertThatThrownBy(() -> ImageFolder.open(tmp)).hasMessageContaining("differ in size");
        Files.writeString(tmp.resolve("c.png"), "not an image");
        Files.delete(tmp.resolve("b.png"));
        assertThatThrownBy(() -> ImageFolder.open(tmp)).hasMessageContaining("cannot read image " + tmp.resolve("c.png"));
    }

    @Test
    void scalesImagesOfDifferentSizesToTheGivenSizeAndMixesGreyIntoRgb() throws Exception {
        write(tmp.resolve("a.png"), 8, 6, BufferedImage.TYPE_BYTE_GRAY, 0xFFFFFF);
        write(tmp.resolve("b.png"), 3, 5, BufferedImage.TYPE_INT_RGB, 0xFF0000);
        assertThatThrownBy(() -> ImageFolder.open(tmp)).hasMessageContaining("differ in size")
                .hasMessageContaining("give a size to scale them to (folder:DIR,size=N)");
        ImageTensorDataset d = ImageFolder.open(tmp, 4);
        assertThat(d.sampleShape().getShape()).containsExactly(3, 4, 4);
        float[] x = new float[48];
        d.read(0, x, 0);
        assertThat(x[0]).isCloseTo(1f, within(1e-6f));
        assertThat(x[47]).isCloseTo(1f, within(1e-6f));
        d.read(1, x, 0);
        // Pure red: R = 1, G = B = -1 everywhere, whatever the interpolation.
        assertThat(x[0]).isCloseTo(1f, within(1e-6f));
        assertThat(x[16]).isCloseTo(-1f, within(1e-6f));
        assertThat(x[47]).isCloseTo(-1f, within(1e-6f));
    }
}
