package io.gan4j.core.layer;

import static io.gan4j.core.layer.TransposedConv2dTest.assertClose;
import static io.gan4j.core.layer.TransposedConv2dTest.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link BatchNorm}: in training it is DJL's batch norm; in inference it is the affine map of
 * the running statistics, with that map's gradient and unchanged statistics even inside a gradient
 * collector (where MXNet's native operator gets both wrong).
 */
final class BatchNormTest {

    private static final Shape SHAPE = new Shape(4, 3, 2, 2);
    private static final float[] GAMMA = {1.5f, -0.5f, 2f};
    private static final float[] BETA = {0.1f, 0.2f, -0.3f};
    private static final float[] MEAN = {5f, -1f, 0.5f};
    private static final float[] VAR = {9f, 0.25f, 4f};

    private NDManager manager;
    private ParameterStore store;
    private float[] x;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        store = new ParameterStore(manager, false);
        x = gaussian(new Random(3), (int) SHAPE.size());
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private BatchNorm withStatistics() {
        BatchNorm norm = new BatchNorm();
        norm.initialize(manager, DataType.FLOAT32, SHAPE);
        set(norm, "gamma", GAMMA);
        set(norm, "beta", BETA);
        set(norm, "runningMean", MEAN);
        set(norm, "runningVar", VAR);
        return norm;
    }

    private static void set(Block block, String name, float[] values) {
        block.getParameters().get(name).getArray().set(FloatBuffer.wrap(values));
    }

    private static float[] get(Block block, String name) {
        return block.getParameters().get(name).getArray().toFloatArray();
    }

    private double[] affine() {
        int plane = (int) (SHAPE.get(2) * SHAPE.get(3));
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int c = (int) ((i / plane) % SHAPE.get(1));
            expected[i] = GAMMA[c] * (x[i] - MEAN[c]) / Math.sqrt(VAR[c] + 1e-5) + BETA[c];
        }
        return expected;
    }

    @Test
    void inferenceAppliesTheRunningStatistics() {
        BatchNorm norm = withStatistics();
        NDArray y = norm.forward(store, new NDList(manager.create(x, SHAPE)), false).singletonOrThrow();
        assertClose(y.toFloatArray(), affine());
    }

    @Test
    void inferenceInsideACollectorHasTheAffineGradientAndKeepsTheStatistics() {
        BatchNorm norm = withStatistics();
        NDArray input = manager.create(x, SHAPE);
        input.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray y = norm.forward(store, new NDList(input), false).singletonOrThrow();
            collector.backward(y.sum());
        }
        int plane = (int) (SHAPE.get(2) * SHAPE.get(3));
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int c = (int) ((i / plane) % SHAPE.get(1));
            expected[i] = GAMMA[c] / Math.sqrt(VAR[c] + 1e-5);
        }
        assertClose(input.getGradient().toFloatArray(), expected);
        assertThat(get(norm, "runningMean")).containsExactly(MEAN);
        assertThat(get(norm, "runningVar")).containsExactly(VAR);
    }

    @Test
    void aForwardPassLeavesNoArrayInTheParameterManager() {
        BatchNorm norm = withStatistics();
        int before = manager.getManagedArrays().size();
        for (boolean training : new boolean[] {false, true, false}) {
            try (NDManager step = manager.newSubManager(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray input = step.create(x, SHAPE);
                input.setRequiresGradient(true);
                collector.backward(norm.forward(store, new NDList(input), training).singletonOrThrow().sum());
            }
        }
        assertThat(manager.getManagedArrays()).hasSize(before);
    }

    @Test
    void trainingMatchesDjlBatchNorm() {
        BatchNorm ours = withStatistics();
        ai.djl.nn.norm.BatchNorm djl = ai.djl.nn.norm.BatchNorm.builder().build();
        djl.initialize(manager, DataType.FLOAT32, SHAPE);
        for (String name : new String[] {"gamma", "beta", "runningMean", "runningVar"}) {
            set(djl, name, get(ours, name));
        }
        float[][] outputs = new float[2][];
        Block[] blocks = {ours, djl};
        for (int i = 0; i < 2; i++) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = blocks[i].forward(store, new NDList(manager.create(x, SHAPE)), true).singletonOrThrow();
                outputs[i] = y.toFloatArray();
                collector.backward(y.square().sum());
            }
        }
        assertThat(outputs[0]).containsExactly(outputs[1]);
        assertThat(get(ours, "runningMean")).containsExactly(get(djl, "runningMean")).isNotEqualTo(MEAN);
        assertThat(get(ours, "runningVar")).containsExactly(get(djl, "runningVar"));
    }

    @Test
    void rejectsInputsOfOtherRanks() {
        assertThatThrownBy(() -> new BatchNorm().initialize(manager, DataType.FLOAT32, new Shape(2, 3, 4)))
                .hasMessageContaining("(N, C) or (N, C, H, W)");
    }
}
