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
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PacGAN packing and the minibatch standard-deviation feature against direct computations. */
final class ModeCollapseLayersTest {

    @Test
    void packConcatenatesConsecutiveSamples() {
        try (NDManager m = NDManager.newBaseManager()) {
            Pack pack = new Pack(2);
            pack.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            assertThat(pack.getOutputShapes(new Shape[] {new Shape(1, 3)})[0]).isEqualTo(new Shape(1, 6));
            NDArray x = m.arange(12f).reshape(4, 3);
            NDArray y = pack.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(2, 6));
            assertThat(y.toFloatArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            // The input keeps its shape: a penalty computed on the real batch after D has seen it relies on that.
            assertThat(x.getShape()).isEqualTo(new Shape(4, 3));

            NDArray images = m.arange(2 * 1 * 2 * 2f).reshape(2, 1, 2, 2);
            NDArray packed = pack.forward(new ParameterStore(m, false), new NDList(images), false).singletonOrThrow();
            assertThat(packed.getShape()).isEqualTo(new Shape(1, 2, 2, 2));
            assertThatThrownBy(() -> pack.forward(new ParameterStore(m, false), new NDList(m.zeros(new Shape(3, 3))), false))
                    .hasMessageContaining("batch size divisible by 2");
        }
    }

    @Test
    void minibatchStdDevAppendsTheMeanStandardDeviationAcrossTheBatch() {
        int n = 5;
        int f = 3;
        float[] x = gaussian(new Random(3), n * f);
        double mean = 0;
        for (int j = 0; j < f; j++) {
            double mu = 0;
            for (int i = 0; i < n; i++) {
                mu += x[i * f + j] / n;
            }
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += Math.pow(x[i * f + j] - mu, 2) / n;
            }
            mean += Math.sqrt(var + 1e-8) / f;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            MinibatchStdDev layer = new MinibatchStdDev();
            layer.initialize(m, DataType.FLOAT32, new Shape(1, f));
            float[] y = layer.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(n, f))), false)
                    .singletonOrThrow().toFloatArray();
            double[] expected = new double[n * (f + 1)];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < f; j++) {
                    expected[i * (f + 1) + j] = x[i * f + j];
                }
                expected[i * (f + 1) + f] = mean;
            }
            assertClose(y, expected);

            NDArray input = m.randomNormal(new Shape(4, 2, 3, 3));
            NDArray maps = layer.forward(new ParameterStore(m, false), new NDList(input), false).singletonOrThrow();
            assertThat(maps.getShape()).isEqualTo(new Shape(4, 3, 3, 3));
            // The input keeps its shape (a penalty reads it after D has seen the batch), and so do the inferred shapes.
            assertThat(input.getShape()).isEqualTo(new Shape(4, 2, 3, 3));
            Shape[] in = {new Shape(4, 2, 3, 3)};
            assertThat(layer.getOutputShapes(in)[0]).isEqualTo(new Shape(4, 3, 3, 3));
            assertThat(in[0]).isEqualTo(new Shape(4, 2, 3, 3));
        }
    }
}
