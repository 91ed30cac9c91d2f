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
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks instance norm, reflection padding and nearest upsampling against direct loops. */
final class NormAndResizeLayersTest {

    private static final int N = 2;
    private static final int C = 3;
    private static final int H = 4;
    private static final int W = 5;

    private NDManager manager;
    private float[] x;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        x = gaussian(new Random(7), N * C * H * W);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private float[] run(Block block) {
        Shape shape = new Shape(N, C, H, W);
        block.initialize(manager, DataType.FLOAT32, shape);
        NDArray y = block.forward(new ParameterStore(manager, false), new NDList(manager.create(x, shape)), false).head();
        assertThat(y.getShape()).isEqualTo(block.getOutputShapes(new Shape[] {shape})[0]);
        return y.toFloatArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MXNet", "PyTorch"})
    void instanceNormNormalizesEachChannelOfEachSample(String engine) {
        manager.close();
        manager = Engine.getEngine(engine).newBaseManager();
        float eps = 1e-5f;
        double[] expected = new double[x.length];
        for (int nc = 0; nc < N * C; nc++) {
            double mean = 0;
            for (int i = 0; i < H * W; i++) {
                mean += x[nc * H * W + i];
            }
            mean /= H * W;
            double var = 0;
            for (int i = 0; i < H * W; i++) {
                var += Math.pow(x[nc * H * W + i] - mean, 2);
            }
            var /= H * W;
            for (int i = 0; i < H * W; i++) {
                expected[nc * H * W + i] = (x[nc * H * W + i] - mean) / Math.sqrt(var + eps);
            }
        }
        assertClose(run(new InstanceNorm2d(eps, false)), expected);
        assertClose(run(new InstanceNorm2d(eps, true)), expected);
    }

    @Test
    void reflectionPadMirrorsWithoutRepeatingTheEdge() {
        int p = 2;
        int ho = H + 2 * p;
        int wo = W + 2 * p;
        double[] expected = new double[N * C * ho * wo];
        for (int nc = 0; nc < N * C; nc++) {
            for (int y = 0; y < ho; y++) {
                for (int xx = 0; xx < wo; xx++) {
                    expected[(nc * ho + y) * wo + xx] = x[(nc * H + reflect(y - p, H)) * W + reflect(xx - p, W)];
                }
            }
        }
        assertClose(run(new ReflectionPad2d(p)), expected);
        assertThatThrownBy(() -> run(new ReflectionPad2d(H))).hasMessageContaining("reflection padding");
    }

    private static int reflect(int i, int size) {
        if (i < 0) {
            return -i;
        }
        return i >= size ? 2 * (size - 1) - i : i;
    }

    @Test
    void upsampleRepeatsEachPixel() {
        int f = 3;
        double[] expected = new double[N * C * H * f * W * f];
        for (int nc = 0; nc < N * C; nc++) {
            for (int y = 0; y < H * f; y++) {
                for (int xx = 0; xx < W * f; xx++) {
                    expected[(nc * H * f + y) * W * f + xx] = x[(nc * H + y / f) * W + xx / f];
                }
            }
        }
        assertClose(run(new Upsample2d(f)), expected);
    }
}
