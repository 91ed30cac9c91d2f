package io.gan4j.data.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.data.DatasetSources;
import io.gan4j.core.event.Progress;
import io.gan4j.data.DataPlugin;
import io.gan4j.data.image.ImageTensorDataset;
import io.gan4j.data.toy.ToyMixture;
import io.gan4j.data.domains.ImageDomains;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Index ranges, restyled images and paired and unpaired domains, on small hand-made images. */
final class DerivedDatasetsTest {

    /** Three 1x3x3 images: image i has pixel value 10·i + j (j = 0..8) in 8-bit units, labels 0, 1, 2. */
    private static final ImageTensorDataset SMALL = images();

    private static ImageTensorDataset images() {
        byte[] pixels = new byte[27];
        for (int i = 0; i < 27; i++) {
            pixels[i] = (byte) (10 * (i / 9) + i % 9);
        }
        return new ImageTensorDataset("small", pixels, new Shape(1, 3, 3), new byte[] {0, 1, 2}, 3);
    }

    private static float[] read(Dataset d, int index) {
        float[] x = new float[Math.toIntExact(d.sampleShape().size())];
        d.read(index, x, 0);
        return x;
    }

    private static float v(int grey) {
        return grey / 127.5f - 1f;
    }

    @Test
    void aRangeIsASliceWithItsLabels() {
        IndexRange r = IndexRange.parse("1-3", SMALL);
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.label(0)).isEqualTo(1);
        assertThat(read(r, 1)[0]).isEqualTo(v(20));
        assertThatThrownBy(() -> IndexRange.parse("2-9", SMALL)).hasMessageContaining("range 2-9 is not within the 3 samples of small");
        assertThatThrownBy(() -> IndexRange.parse("x", SMALL)).hasMessageContaining("expects range:FROM-TO@SPEC");
    }

    @Test
    void restyleTransformsAreTheKnownPixelMaps() {
        float[] original = read(SMALL, 1);
        assertThat(read(RestyledDataset.parse("invert", SMALL), 1)).containsExactly(negate(original));
        // Grey dilation: every pixel becomes the maximum of its 3x3 neighbourhood (clipped at the border).
        float[] thick = read(RestyledDataset.parse("thicken", SMALL), 1);
        assertThat(thick).containsExactly(v(14), v(15), v(15), v(17), v(18), v(18), v(17), v(18), v(18));
        float[] thin = read(RestyledDataset.parse("thin", SMALL), 1);
        assertThat(thin).containsExactly(v(10), v(10), v(11), v(10), v(10), v(11), v(13), v(13), v(14));
        assertThat(read(RestyledDataset.parse("mirror", SMALL), 1))
                .containsExactly(v(12), v(11), v(10), v(15), v(14), v(13), v(18), v(17), v(16));
        RestyledDataset both = RestyledDataset.parse("thicken, invert", SMALL);
        assertThat(read(both, 1)).containsExactly(negate(thick));
        assertThat(both.label(2)).isEqualTo(2);
        assertThat(both.transforms()).containsExactly(Restyle.THICKEN, Restyle.INVERT);
        assertThatThrownBy(() -> RestyledDataset.parse("blur", SMALL))
                .hasMessage("unknown restyle transform 'blur'; expected one of [invert, thicken, thin, mirror, edges]");
    }

    @Test
    void edgesMarkWherePixelsChangeByAQuarterOfTheRange() {
        // A 1x5x5 image: black left half (columns 0, 1), white right half, a faint step (16 of 255) at the bottom row.
        byte[] pixels = new byte[25];
        for (int i = 0; i < 25; i++) {
            pixels[i] = (byte) (i % 5 >= 2 ? 255 : i / 5 == 4 ? 16 : 0);
        }
        float[] edges = read(RestyledDataset.parse("edges", new ImageTensorDataset("step", pixels, new Shape(1, 5, 5), null, 0)), 0);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                // Columns 1 and 2 straddle the step; the faint change is below the threshold.
                assertThat(edges[5 * y + x]).as("pixel (%d, %d)", y, x).isEqualTo(x == 1 || x == 2 ? 1f : -1f);
            }
        }
        float[] flat = read(RestyledDataset.parse("edges", new ImageTensorDataset("flat", new byte[9], new Shape(1, 3, 3), null, 0)), 0);
        assertThat(flat).containsOnly(-1f);
    }

    @Test
    void pairedDomainsAlignImageIWithImageIAndMustBeEquallyLong() {
        RestyledDataset inverted = RestyledDataset.parse("invert", SMALL);
        ImageDomains pair = ImageDomains.paired(SMALL, inverted);
        assertThat(pair.aligned()).isTrue();
        assertThat(pair.size()).isEqualTo(3);
        assertThat(pair.numClasses()).isZero();
        float[] x = new float[18];
        for (int i = 0; i < 3; i++) {
            pair.read(i, x, 0);
            assertThat(java.util.Arrays.copyOfRange(x, 0, 9)).containsExactly(read(SMALL, i));
            assertThat(java.util.Arrays.copyOfRange(x, 9, 18)).containsExactly(read(inverted, i));
        }
        assertThat(pair.description()).isEqualTo("paired domains A: small; B: " + inverted.description());
        assertThatThrownBy(() -> ImageDomains.paired(SMALL, IndexRange.parse("0-2", SMALL)))
                .hasMessageContaining("paired domains must be equally long: A (small) has 3 images, B (")
                .hasMessageEndingWith(") has 2");
    }

    @Test
    void unpairedDomainsStackAnAAndAnUnrelatedBImageAndRepeatGreyForRgb() {
        ImageTensorDataset rgb = new ImageTensorDataset("rgb", new byte[54], new Shape(3, 3, 3), null, 0);
        ImageDomains pair = ImageDomains.unpaired(SMALL, rgb);
        assertThat(pair.sampleShape()).isEqualTo(new Shape(2, 3, 3, 3));
        assertThat(pair.size()).isEqualTo(3);
        float[] x = new float[54];
        pair.read(2, x, 0);
        for (int c = 0; c < 3; c++) {
            assertThat(java.util.Arrays.copyOfRange(x, 9 * c, 9 * c + 9)).containsExactly(read(SMALL, 2));
        }
        assertThat(x[27]).isEqualTo(-1f);

        // B's index is a fixed permutation of A's, so a domain paired with itself is not paired image by image.
        ImageDomains self = ImageDomains.unpaired(new IndexRange(big(), 0, 1000), new IndexRange(big(), 0, 1000));
        int same = 0;
        Set<Float> bFirstPixels = new HashSet<>();
        float[] y = new float[2];
        for (int i = 0; i < 1000; i++) {
            self.read(i, y, 0);
            same += y[0] == y[1] ? 1 : 0;
            bFirstPixels.add(y[1]);
        }
        assertThat(same).isLessThan(10);
        assertThat(bFirstPixels).hasSize(1000);
        assertThatThrownBy(() -> ImageDomains.unpaired(SMALL, new ImageTensorDataset("big", new byte[16], new Shape(1, 4, 4), null, 0)))
                .hasMessageContaining("domains differ in image size: A (small) is 3x3, B (big) is 4x4");
    }

    /** 1,000 distinct 1x1x1 "images" as a dataset of floats. */
    private static Dataset big() {
        return new Dataset() {
            @Override
            public String description() {
                return "numbers";
            }

            @Override
            public int size() {
                return 1000;
            }

            @Override
            public Shape sampleShape() {
                return new Shape(1, 1, 1);
            }

            @Override
            public int numClasses() {
                return 0;
            }

            @Override
            public void read(int index, float[] into, int offset) {
                into[offset] = index;
            }
        };
    }

    @Test
    void thePluginOpensNestedSpecsThroughItsSources() {
        DataPlugin plugin = new DataPlugin();
        DatasetSources sources = spec -> {
            assertThat(spec).isEqualTo("small");
            return SMALL;
        };
        var factories = plugin.datasets().stream().collect(java.util.stream.Collectors.toMap(f -> f.name(), f -> f));
        Dataset restyled = factories.get("restyle").open("invert@small", 0, sources);
        assertThat(read(restyled, 0)[0]).isEqualTo(1f);
        Dataset range = factories.get("range").open("0-2@small", 0, sources);
        assertThat(range.size()).isEqualTo(2);
        Dataset pair = factories.get("unpaired").open("small|small", 0, sources);
        assertThat(pair.sampleShape()).isEqualTo(new Shape(2, 1, 3, 3));
        assertThat(((ImageDomains) factories.get("paired").open("small|small", 0, sources)).aligned()).isTrue();
        assertThatThrownBy(() -> factories.get("paired").open("small|", 0, sources)).hasMessageContaining("expects paired:A_SPEC|B_SPEC");
        for (String bad : List.of("invert", "@small", "invert@")) {
            assertThatThrownBy(() -> factories.get("restyle").open(bad, 0, sources)).hasMessageContaining("expects restyle:T1[,T2...]@SPEC");
        }
        assertThatThrownBy(() -> factories.get("unpaired").open("small", 0, sources)).hasMessageContaining("expects unpaired:A_SPEC|B_SPEC");
    }

    @Test
    void clusterLabelsFindTheRingsModesAndIgnoreTheSourceLabels() {
        Dataset ring = ToyMixture.ring8().sample(2000, 3);
        List<String> updates = new ArrayList<>();
        DatasetSources sources = new DatasetSources() {
            @Override
            public Dataset open(String spec) {
                return ring;
            }

            @Override
            public Progress progress() {
                return (task, done, total) -> updates.add(task + " " + done + "/" + total);
            }
        };
        Dataset clustered = new DataPlugin().datasets().stream().filter(f -> f.name().equals("clusters")).findFirst().orElseThrow()
                .open("8@ring8", 5, sources);
        // The k-means++ start reports each of its 8 centres; Lloyd's iterations end at 30/30 even when they settle early.
        assertThat(updates.subList(0, 8)).containsExactly("k-means++ start 1/8", "k-means++ start 2/8", "k-means++ start 3/8",
                "k-means++ start 4/8", "k-means++ start 5/8", "k-means++ start 6/8", "k-means++ start 7/8", "k-means++ start 8/8");
        assertThat(updates.subList(8, updates.size())).allMatch(u -> u.startsWith("k-means ")).last().isEqualTo("k-means 30/30");
        assertThat(clustered.numClasses()).isEqualTo(8);
        assertThat(clustered.size()).isEqualTo(2000);
        assertThat(read(clustered, 17)).containsExactly(read(ring, 17));
        // Each cluster is one mode: its points lie within 6 sigma (0.12) of their mean, and the 8 means are the ring's centres.
        double[][] sums = new double[8][3];
        for (int i = 0; i < 2000; i++) {
            float[] x = read(clustered, i);
            double[] s = sums[clustered.label(i)];
            s[0] += x[0];
            s[1] += x[1];
            s[2]++;
        }
        for (int i = 0; i < 2000; i++) {
            float[] x = read(clustered, i);
            double[] s = sums[clustered.label(i)];
            assertThat(Math.hypot(x[0] - s[0] / s[2], x[1] - s[1] / s[2])).isLessThan(0.12);
        }
        Set<Long> angles = new HashSet<>();
        for (double[] s : sums) {
            assertThat(Math.hypot(s[0] / s[2], s[1] / s[2])).isCloseTo(2.0, within(0.01));
            angles.add(Math.floorMod(Math.round(Math.toDegrees(Math.atan2(s[1], s[0])) / 45), 8L));
        }
        assertThat(angles).hasSize(8);
        assertThat(java.util.stream.IntStream.of(clustered.classCounts()).boxed().toList()).hasSize(8)
                .allMatch(size -> size > 200 && size < 300);
        assertThat(clustered.description()).contains("labelled by 8 k-means clusters");

        Dataset again = new ClusterLabels(ring, 8, 5, Progress.NONE);
        for (int i = 0; i < 2000; i++) {
            assertThat(again.label(i)).isEqualTo(clustered.label(i));
        }
        assertThatThrownBy(() -> ClusterLabels.parse("1", SMALL, 0, Progress.NONE)).hasMessageContaining("clusters needs 2 <= K <= 3");
        assertThatThrownBy(() -> ClusterLabels.parse("x", SMALL, 0, Progress.NONE)).hasMessage(
                "dataset 'clusters' expects clusters:K@SPEC with a cluster count K, got 'x'");
    }

    private static float[] negate(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = -x[i];
        }
        return y;
    }
}
