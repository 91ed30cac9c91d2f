package io.gan4j.models.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.loss.StandardLoss;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.Options;
import io.gan4j.core.train.GanTrainer;
import io.gan4j.core.config.RunSpec;
import io.gan4j.core.train.Sampling;
import io.gan4j.core.config.TrainingConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The MLP {@code gan} learns a 2-D blob with and without PacGAN packing, the minibatch-std feature, and with a third hidden layer. */
final class MlpGanTest {

    @TempDir
    Path tmp;

    /** Points of N((1.5, −1), 0.2²). */
    private static Dataset blob() {
        int n = 1000;
        SplittableRandom r = new SplittableRandom(2);
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = (float) (1.5 + 0.2 * r.nextGaussian());
            xy[2 * i + 1] = (float) (-1 + 0.2 * r.nextGaussian());
        }
        return new Dataset() {
            public String description() {
                return "blob";
            }

            public int size() {
                return n;
            }

            public Shape sampleShape() {
                return new Shape(2);
            }

            public int numClasses() {
                return 0;
            }

            public void read(int index, float[] into, int offset) {
                into[offset] = xy[2 * index];
                into[offset + 1] = xy[2 * index + 1];
            }
        };
    }

    @Test
    void initStdStartsEveryWeightAsThatGaussian() {
        MlpGanFactory factory = new MlpGanFactory();
        for (double std : new double[] {0.02, 0}) {
            GanVariant gan = factory.create(new VariantContext(Options.resolve("gan", factory.options(),
                    Map.of("init-std", Double.toString(std), "hidden", "200", "maxout", "5")), new Shape(2), 0, StandardLoss.NON_SATURATING));
            try (NDManager m = NDManager.newBaseManager()) {
                gan.networks().get(0).block().initialize(m, DataType.FLOAT32, new Shape(4, 8));
                gan.networks().get(1).block().initialize(m, DataType.FLOAT32, new Shape(4, 2));
                for (int net = 0; net < 2; net++) {
                    for (var p : gan.networks().get(net).block().getParameters().values()) {
                        NDArray w = p.getArray();
                        if (w.getShape().dimension() == 2 && w.getShape().size() >= 400) {
                            double sd = Math.sqrt(w.square().mean().getFloat() - Math.pow(w.mean().getFloat(), 2));
                            double expected = std > 0 ? std : 1 / Math.sqrt(3 * w.getShape().get(1)); // U(±a): sd a/√3
                            assertThat(sd).as("%s of network %d", p.getName(), net).isCloseTo(expected, withinPercentage(15));
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "pack={0} minibatch-std={1} layers={2} steps={3} batch-norm={4} maxout={5} scale={6} d-hidden={7} d-layers={8}")
    @CsvSource({"1, false, 2, 400, true, 1, 1, 0, 0", "2, false, 2, 400, true, 1, 1, 0, 0", "1, true, 2, 400, true, 1, 1, 0, 0",
            "4, true, 2, 400, true, 1, 1, 0, 0", "1, false, 3, 1000, true, 1, 1, 0, 0", "1, false, 2, 400, false, 3, 2, 0, 0",
            "2, false, 3, 1000, true, 5, 1, 32, 2"})
    void learnsTheBlob(int pack, boolean minibatchStd, int layers, int steps, boolean batchNorm, int maxout, double scale, int dHidden,
            int dLayers) {
        Map<String, String> options = Map.ofEntries(Map.entry("pack", Integer.toString(pack)),
                Map.entry("minibatch-std", Boolean.toString(minibatchStd)), Map.entry("hidden", "64"), Map.entry("layers", Integer.toString(layers)),
                Map.entry("batch-norm", Boolean.toString(batchNorm)), Map.entry("maxout", Integer.toString(maxout)),
                Map.entry("scale", Double.toString(scale)), Map.entry("d-hidden", Integer.toString(dHidden)),
                Map.entry("d-layers", Integer.toString(dLayers)));
        MlpGanFactory factory = new MlpGanFactory();
        Dataset data = blob();
        GanVariant gan = factory.create(new VariantContext(Options.resolve("gan", factory.options(), options), data.sampleShape(), 0,
                StandardLoss.NON_SATURATING));
        RunSpec spec = new RunSpec("gan", options, "ns", Map.of(), "blob", TrainingConfig.defaults(steps, 64, 2));
        assertThat(gan.networks().get(0).block().getChildren().size()).isEqualTo(layers * (batchNorm ? 3 : 2) + 1 + (scale != 1 ? 1 : 0));
        try (GanTrainer trainer = new GanTrainer(spec, gan, data, tmp.resolve("p" + pack + minibatchStd + layers + batchNorm + maxout + dHidden));
                NDManager m = NDManager.newBaseManager()) {
            trainer.train();
            // D's first layer has a linear piece per maxout piece of each hidden unit; D has its own size when asked.
            List<Shape> dWeights = gan.networks().get(1).block().getParameters().values().stream()
                    .map(p -> p.getArray().getShape()).filter(s -> s.dimension() == 2).toList();
            assertThat(dWeights.get(0).get(0)).isEqualTo((dHidden == 0 ? 64L : dHidden) * maxout);
            assertThat(dWeights).hasSize((dLayers == 0 ? layers : dLayers) + 1);
            float[] xy = Sampling.generate(gan.generator().orElseThrow(), 500, 4, m).toFloatArray();
            double mx = 0;
            double my = 0;
            for (int i = 0; i < xy.length; i += 2) {
                mx += xy[i] / 500;
                my += xy[i + 1] / 500;
            }
            assertThat(mx).isCloseTo(1.5, within(0.4));
            assertThat(my).isCloseTo(-1.0, within(0.4));
        }
    }
}
