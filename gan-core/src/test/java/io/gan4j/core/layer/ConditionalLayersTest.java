package io.gan4j.core.layer;

import static io.gan4j.core.layer.TransposedConv2dTest.assertClose;
import static io.gan4j.core.layer.TransposedConv2dTest.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks the label-conditioning layers against direct computations. */
final class ConditionalLayersTest {

    private static final int[] LABELS = {2, 0, 2};

    private NDManager manager;
    private ParameterStore store;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        store = new ParameterStore(manager, false);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private NDList forward(Block block, NDArray x, boolean training) {
        block.initialize(manager, DataType.FLOAT32, x.getShape(), new Shape(LABELS.length));
        return block.forward(store, new NDList(x, manager.create(LABELS)), training);
    }

    private static float[] values(Block block, String name) {
        return block.getParameters().get(name).getArray().toFloatArray();
    }

    @Test
    void labelConcatAppendsOneHotCodesToVectorsAndImageChannels() {
        float[] x = gaussian(new Random(1), 3 * 2);
        NDArray y = forward(new LabelConcat(3, 0), manager.create(x, new Shape(3, 2)), false).singletonOrThrow();
        assertThat(y.getShape()).isEqualTo(new Shape(3, 5));
        double[] expected = new double[15];
        for (int i = 0; i < 3; i++) {
            expected[i * 5] = x[i * 2];
            expected[i * 5 + 1] = x[i * 2 + 1];
            expected[i * 5 + 2 + LABELS[i]] = 1;
        }
        assertClose(y.toFloatArray(), expected);

        NDArray image = manager.create(gaussian(new Random(2), 3 * 1 * 2 * 2), new Shape(3, 1, 2, 2));
        float[] maps = forward(new LabelConcat(3, 0), image, false).singletonOrThrow().toFloatArray();
        // Sample 1 (class 0): channel 1 (class 0) is all ones, channels 2 and 3 all zeros.
        int base = 1 * 4 * 4;
        for (int p = 0; p < 4; p++) {
            assertThat(maps[base + 4 + p]).isEqualTo(1f);
            assertThat(maps[base + 8 + p]).isZero();
            assertThat(maps[base + 12 + p]).isZero();
        }
        // Shape inference leaves the given shape as it was.
        Shape[] in = {new Shape(3, 1, 2, 2)};
        assertThat(new LabelConcat(3, 0).getOutputShapes(in)[0]).isEqualTo(new Shape(3, 4, 2, 2));
        assertThat(in[0]).isEqualTo(new Shape(3, 1, 2, 2));
    }

    @Test
    void labelConcatWithEmbeddingAppendsTheLabelsRows() {
        LabelConcat layer = new LabelConcat(3, 4);
        float[] x = gaussian(new Random(3), 3 * 2);
        float[] y = forward(layer, manager.create(x, new Shape(3, 2)), false).singletonOrThrow().toFloatArray();
        float[] table = values(layer, "embedding");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(y[i * 6 + 2 + j]).isEqualTo(table[LABELS[i] * 4 + j]);
            }
        }
        // N(0, 1) initialization, not the tiny weights of the surrounding network.
        double sq = 0;
        for (float v : table) {
            sq += v * v;
        }
        assertThat(Math.sqrt(sq / table.length)).isBetween(0.3, 3.0);
    }

    @Test
    void conditionalBatchNormScalesAndShiftsPerClass() {
        ConditionalBatchNorm layer = new ConditionalBatchNorm(3);
        int c = 2;
        float[] x = gaussian(new Random(4), 3 * c);
        NDArray input = manager.create(x, new Shape(3, c));
        layer.initialize(manager, DataType.FLOAT32, input.getShape(), new Shape(3));
        float[] gamma = {1, 2, 3, 4, 5, 6};
        float[] beta = {-1, -2, -3, -4, -5, -6};
        layer.getParameters().get("class_gamma").getArray().set(gamma);
        layer.getParameters().get("class_beta").getArray().set(beta);
        NDList out;
        // MXNet's batch norm uses batch statistics only while gradients are recorded.
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            out = layer.forward(store, new NDList(input, manager.create(LABELS)), true);
        }
        assertThat(out.get(1).toIntArray()).containsExactly(LABELS);
        double[] expected = new double[3 * c];
        for (int j = 0; j < c; j++) {
            double mean = 0;
            double var = 0;
            for (int i = 0; i < 3; i++) {
                mean += x[i * c + j] / 3.0;
            }
            for (int i = 0; i < 3; i++) {
                var += Math.pow(x[i * c + j] - mean, 2) / 3.0;
            }
            for (int i = 0; i < 3; i++) {
                double normalized = (x[i * c + j] - mean) / Math.sqrt(var + 1e-5);
                expected[i * c + j] = gamma[LABELS[i] * c + j] * normalized + beta[LABELS[i] * c + j];
            }
        }
        assertClose(out.get(0).toFloatArray(), expected);
    }

    @Test
    void projectionOutputAddsTheInnerProductWithTheClassEmbedding() {
        ProjectionOutput layer = new ProjectionOutput(3);
        float[] h = gaussian(new Random(5), 3 * 4);
        float[] logits = forward(layer, manager.create(h, new Shape(3, 4)), false).singletonOrThrow().toFloatArray();
        float[] w = values(layer, "weight");
        float[] b = values(layer, "bias");
        float[] e = values(layer, "class_embedding");
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = b[0];
            for (int j = 0; j < 4; j++) {
                expected[i] += h[i * 4 + j] * (w[j] + e[LABELS[i] * 4 + j]);
            }
        }
        assertClose(logits, expected);
    }

    @Test
    void withLabelsAppliesTheLayerAndPassesOrDropsTheLabels() {
        NDArray x = manager.create(new float[] {-1, 2, -3}, new Shape(3, 1));
        NDList kept = forward(WithLabels.of(Activation.reluBlock()), x, false);
        assertThat(kept.get(0).toFloatArray()).containsExactly(0, 2, 0);
        assertThat(kept.get(1).toIntArray()).containsExactly(LABELS);
        assertThat(forward(WithLabels.dropLabels(Activation.reluBlock()), x, false)).hasSize(1);
    }

    @Test
    void conditionalLayersLeaveNothingInTheParametersManager() {
        for (Block block : new Block[] {new LabelConcat(3, 4), new ConditionalBatchNorm(3), new ProjectionOutput(3)}) {
            Shape shape = new Shape(3, 4);
            block.initialize(manager, DataType.FLOAT32, shape, new Shape(3));
            int before = -1;
            for (int i = 0; i < 3; i++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.randomNormal(shape);
                    x.setRequiresGradient(true);
                    try (GradientCollector gc = step.getEngine().newGradientCollector()) {
                        gc.backward(block.forward(store, new NDList(x, step.create(LABELS)), true).head().sum());
                    }
                }
                if (i == 0) {
                    before = manager.getManagedArrays().size();
                }
            }
            assertThat(manager.getManagedArrays()).as(block.getClass().getSimpleName()).hasSize(before);
            for (Parameter p : block.getParameters().values()) {
                if (p.requiresGradient()) {
                    assertThat(p.getArray().getGradient().abs().sum().getFloat()).as(p.getName() + " gets a gradient").isPositive();
                }
            }
        }
    }

    @Test
    void rejectsInvalidSizes() {
        assertThatThrownBy(() -> new LabelConcat(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConditionalBatchNorm(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProjectionOutput(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
