package io.gan4j.models.cgan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.loss.StandardLoss;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.Options;
import io.gan4j.core.train.GanTrainer;
import io.gan4j.core.train.Networks;
import io.gan4j.core.config.RunSpec;
import io.gan4j.core.train.Sampling;
import io.gan4j.core.config.TrainingConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every conditioning choice of cgan and acgan learns which class goes where, on vectors and images. */
final class ConditionalVariantsTest {

    @TempDir
    Path tmp;

    private static GanVariant create(GanVariantFactory factory, Map<String, String> options, Shape shape, int classes) {
        Options resolved = Options.resolve(factory.name(), factory.options(), options);
        return factory.create(new VariantContext(resolved, shape, classes, StandardLoss.NON_SATURATING));
    }

    private static GanVariantFactory factory(String name) {
        return name.equals("cgan") ? new ConditionalGanFactory() : new AcganFactory();
    }

    /** Class 0 around (−2, 0), class 1 around (2, 0), σ 0.2; twice as many of class 0. */
    private static Dataset twoBlobs() {
        int n = 900;
        SplittableRandom r = new SplittableRandom(5);
        float[] xy = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3 == 0 ? 1 : 0;
            xy[2 * i] = (float) ((labels[i] == 1 ? 2 : -2) + 0.2 * r.nextGaussian());
            xy[2 * i + 1] = (float) (0.2 * r.nextGaussian());
        }
        return new Dataset() {
            public String description() {
                return "two blobs";
            }

            public int size() {
                return n;
            }

            public Shape sampleShape() {
                return new Shape(2);
            }

            public int numClasses() {
                return 2;
            }

            public void read(int index, float[] into, int offset) {
                into[offset] = xy[2 * index];
                into[offset + 1] = xy[2 * index + 1];
            }

            public int label(int index) {
                return labels[index];
            }
        };
    }

    @ParameterizedTest(name = "{0} g={1} d={2}")
    @CsvSource({"cgan, concat, projection", "cgan, cbn, projection", "cgan, concat, concat", "cgan, cbn, concat", "acgan, concat, -",
        "acgan, cbn, -"})
    void learnsWhereEachClassLives(String variant, String g, String d) {
        Map<String, String> options = d.equals("-") ? Map.of("g-conditioning", g, "hidden", "64", "latent", "8")
                : Map.of("g-conditioning", g, "d-conditioning", d, "hidden", "64", "latent", "8");
        Dataset data = twoBlobs();
        GanVariant gan = create(factory(variant), options, data.sampleShape(), 2);
        RunSpec spec = new RunSpec(variant, options, "ns", Map.of(), "two blobs", TrainingConfig.defaults(400, 64, 1));
        try (GanTrainer trainer = new GanTrainer(spec, gan, data, tmp.resolve(variant + g + d));
                NDManager m = NDManager.newBaseManager()) {
            trainer.train();
            Generator generator = gan.generator().orElseThrow();
            for (int c = 0; c < 2; c++) {
                int[] labels = new int[300];
                java.util.Arrays.fill(labels, c);
                float[] xy = Sampling.generate(generator, labels, 9, m).toFloatArray();
                double meanX = 0;
                for (int i = 0; i < xy.length; i += 2) {
                    meanX += xy[i] / 300.0;
                }
                assertThat(meanX).as("mean x of class %d samples", c).isCloseTo(c == 1 ? 2.0 : -2.0, org.assertj.core.data.Offset.offset(0.8));
            }
        }
    }

    @ParameterizedTest(name = "{0} g={1} d={2}")
    @CsvSource({"cgan, concat, projection", "cgan, cbn, concat", "acgan, cbn, -"})
    void imageNetworksMakeDifferentImagesForDifferentClasses(String variant, String g, String d) {
        Map<String, String> options = d.equals("-") ? Map.of("g-conditioning", g, "width", "8")
                : Map.of("g-conditioning", g, "d-conditioning", d, "width", "8");
        Shape image = new Shape(1, 28, 28);
        GanVariant gan = create(factory(variant), options, image, 10);
        try (NDManager m = NDManager.newBaseManager()) {
            Networks.initialize(gan, m, 0);
            Generator generator = gan.generator().orElseThrow();
            assertThat(generator.numClasses()).isEqualTo(10);
            NDArray threes = Sampling.generate(generator, new int[] {3, 3}, 1, m);
            NDArray sevens = Sampling.generate(generator, new int[] {7, 7}, 1, m);
            assertThat(threes.getShape()).isEqualTo(new Shape(2, 1, 28, 28));
            float difference = threes.sub(sevens).abs().max().getFloat();
            if (g.equals("cbn")) {
                // Conditional batch norm starts class-independent (γ = 1, β = 0 for every class) and learns the rest.
                assertThat(difference).as("same noise, other class, untrained cbn").isZero();
            } else {
                assertThat(difference).as("same noise, other class").isPositive();
            }
            assertThatThrownBy(() -> Sampling.generate(generator, new int[] {10}, 1, m))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classes 0..9");
        }
    }

    @ParameterizedTest
    @CsvSource({"cgan", "acgan"})
    void unlabelledDataIsRejectedWithAHint(String variant) {
        assertThatThrownBy(() -> create(factory(variant), Map.of(), new Shape(2), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variant '" + variant + "' needs labelled data");
    }
}
