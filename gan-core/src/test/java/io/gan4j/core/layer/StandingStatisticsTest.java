package io.gan4j.core.layer;

import static io.gan4j.core.layer.TransposedConv2dTest.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks {@link StandingStatistics}: the running statistics become the exact mean and biased variance
 * of everything the passes fed each batch norm, over batches of any size; while measuring, a batch is
 * normalized with its own statistics; a failed measurement changes nothing.
 */
final class StandingStatisticsTest {

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

    /** Values with a channel-dependent offset and spread, far from the running statistics' 0 and 1. */
    private static float[] values(Random random, Shape shape) {
        float[] v = new float[(int) shape.size()];
        int plane = shape.dimension() == 4 ? (int) (shape.get(2) * shape.get(3)) : 1;
        for (int i = 0; i < v.length; i++) {
            int c = (int) ((i / plane) % shape.get(1));
            v[i] = (float) (10 * (c + 1) + (c + 1) * random.nextGaussian());
        }
        return v;
    }

    /** Population mean and biased variance per channel of {@code batches}, in double precision. */
    private static double[][] population(float[][] batches, Shape[] shapes, int channels) {
        double[] sum = new double[channels];
        double[] squares = new double[channels];
        long[] n = new long[channels];
        for (int b = 0; b < batches.length; b++) {
            int plane = shapes[b].dimension() == 4 ? (int) (shapes[b].get(2) * shapes[b].get(3)) : 1;
            for (int i = 0; i < batches[b].length; i++) {
                int c = (i / plane) % channels;
                sum[c] += batches[b][i];
                squares[c] += (double) batches[b][i] * batches[b][i];
                n[c]++;
            }
        }
        double[][] stats = new double[2][channels];
        for (int c = 0; c < channels; c++) {
            stats[0][c] = sum[c] / n[c];
            stats[1][c] = squares[c] / n[c] - stats[0][c] * stats[0][c];
        }
        return stats;
    }

    /** On PyTorch too, whose DJL engine cannot average over several axes at once. */
    @ParameterizedTest
    @ValueSource(strings = {"MXNet", "PyTorch"})
    void imageStatisticsAreThoseOfAllBatches(String engine) {
        manager.close();
        manager = Engine.getEngine(engine).newBaseManager();
        store = new ParameterStore(manager, false);
        Shape[] shapes = {new Shape(5, 3, 4, 4), new Shape(2, 3, 4, 4), new Shape(7, 3, 4, 4)};
        BatchNorm norm = new BatchNorm();
        norm.initialize(manager, DataType.FLOAT32, shapes[0]);
        Random random = new Random(5);
        float[][] batches = new float[shapes.length][];
        for (int b = 0; b < shapes.length; b++) {
            batches[b] = values(random, shapes[b]);
        }
        float[][] outputs = new float[shapes.length][];
        int updated = StandingStatistics.recompute(norm, () -> {
            for (int b = 0; b < shapes.length; b++) {
                outputs[b] = norm.forward(store, new NDList(manager.create(batches[b], shapes[b])), false).singletonOrThrow().toFloatArray();
            }
        });
        assertThat(updated).isEqualTo(1);
        double[][] expected = population(batches, shapes, 3);
        assertClose(norm.getParameters().get("runningMean").getArray().toFloatArray(), expected[0]);
        assertClose(norm.getParameters().get("runningVar").getArray().toFloatArray(), expected[1]);
        // While measuring, each batch was normalized with its own statistics (γ 1, β 0): mean 0, variance 1.
        double[][] normalized = population(new float[][] {outputs[2]}, new Shape[] {shapes[2]}, 3);
        assertClose(toFloats(normalized[0]), new double[] {0, 0, 0});
        assertClose(toFloats(normalized[1]), new double[] {1, 1, 1});
    }

    @Test
    void everyBatchNormOfANetworkIsMeasuredAtItsOwnInput() {
        Linear first = Linear.builder().setUnits(4).build();
        BatchNorm norm1 = new BatchNorm();
        BatchNorm norm2 = new BatchNorm();
        SequentialBlock net = new SequentialBlock().add(first).add(norm1).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(3).build()).add(norm2);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        Random random = new Random(9);
        Shape[] shapes = {new Shape(64, 2), new Shape(64, 2)};
        float[][] inputs = {values(random, shapes[0]), values(random, shapes[1])};
        assertThat(StandingStatistics.recompute(net, () -> {
            for (int b = 0; b < inputs.length; b++) {
                net.forward(store, new NDList(manager.create(inputs[b], shapes[b])), false);
            }
        })).isEqualTo(2);
        // norm1 saw the first layer's outputs.
        float[][] firstOutputs = new float[2][];
        Shape[] outShapes = {new Shape(64, 4), new Shape(64, 4)};
        for (int b = 0; b < 2; b++) {
            firstOutputs[b] = first.forward(store, new NDList(manager.create(inputs[b], shapes[b])), false).singletonOrThrow().toFloatArray();
        }
        double[][] expected = population(firstOutputs, outShapes, 4);
        assertClose(norm1.getParameters().get("runningMean").getArray().toFloatArray(), expected[0]);
        assertClose(norm1.getParameters().get("runningVar").getArray().toFloatArray(), expected[1]);
        // norm2's statistics changed from their initial 0 and 1 too.
        assertThat(norm2.getParameters().get("runningVar").getArray().toFloatArray()).isNotEqualTo(new float[] {1, 1, 1});
    }

    @Test
    void aFailedMeasurementKeepsTheStatisticsAndTheNextForwardIsPlainInference() {
        BatchNorm norm = new BatchNorm();
        Shape shape = new Shape(4, 2);
        norm.initialize(manager, DataType.FLOAT32, shape);
        norm.getParameters().get("runningMean").getArray().set(FloatBuffer.wrap(new float[] {1, 2}));
        float[] x = values(new Random(1), shape);
        assertThatThrownBy(() -> StandingStatistics.recompute(norm, () -> {
            norm.forward(store, new NDList(manager.create(x, shape)), false);
            throw new IllegalStateException("interrupted");
        })).hasMessage("interrupted");
        assertThat(norm.getParameters().get("runningMean").getArray().toFloatArray()).containsExactly(1, 2);
        NDArray y = norm.forward(store, new NDList(manager.create(new float[] {3, 4, 3, 4, 3, 4, 3, 4}, shape)), false).singletonOrThrow();
        assertClose(y.toFloatArray(), new double[] {2 / Math.sqrt(1 + 1e-5), 2 / Math.sqrt(1 + 1e-5), 2 / Math.sqrt(1 + 1e-5),
            2 / Math.sqrt(1 + 1e-5), 2 / Math.sqrt(1 + 1e-5), 2 / Math.sqrt(1 + 1e-5), 2 / Math.sqrt(1 + 1e-5), 2 / Math.sqrt(1 + 1e-5)});
    }

    @Test
    void aNetworkWithoutBatchNormIsLeftAlone() {
        SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(2).build());
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        boolean[] ran = {false};
        assertThat(StandingStatistics.recompute(net, () -> ran[0] = true)).isZero();
        assertThat(ran[0]).isFalse();
    }

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }
}
