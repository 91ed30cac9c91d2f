package io.gan4j.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

final class SpectralNormTest {

    @Test
    void powerIterationFindsTheLargestSingularValueAndDividesByIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            SpectralNorm sn = new SpectralNorm(Linear.builder().setUnits(2).optBias(false).build());
            sn.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            // Rows orthogonal with norms 3 and 1: singular values 3 and 1.
            sn.getParameters().get("01layer_weight").getArray().set(new float[] {3, 0, 0, 0, 0, 1});
            Parameter u = sn.getParameters().get("sn_u");
            assertThat(u.requiresGradient()).isFalse();
            ParameterStore store = new ParameterStore(m, false);
            int before = m.getManagedArrays().size();
            float[] y = null;
            for (int i = 0; i < 30; i++) {
                try (NDManager step = m.newSubManager()) {
                    NDArray x = step.create(new float[] {1, 1, 1}, new Shape(1, 3));
                    y = sn.forward(store, new NDList(x), true).singletonOrThrow().toFloatArray();
                }
            }
            assertThat(y[0]).isCloseTo(1f, within(1e-4f));
            assertThat(y[1]).isCloseTo(1f / 3, within(1e-4f));
            assertThat(m.getManagedArrays().size()).as("arrays left behind by 30 forward passes").isEqualTo(before);
        }
    }

    @Test
    void normalizedConvolutionsTrain() {
        try (NDManager m = NDManager.newBaseManager()) {
            SpectralNorm sn = new SpectralNorm(Conv2d.builder().setFilters(4).setKernelShape(new Shape(3, 3)).build());
            sn.initialize(m, DataType.FLOAT32, new Shape(2, 1, 6, 6));
            NDArray weight = sn.getParameters().get("01layer_weight").getArray();
            ParameterStore store = new ParameterStore(m, false);
            try (NDManager step = m.newSubManager(); GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray x = step.randomNormal(new Shape(2, 1, 6, 6));
                gc.backward(sn.forward(store, new NDList(x), true).singletonOrThrow().square().sum());
            }
            assertThat(weight.getGradient().abs().sum().getFloat()).isPositive();
        }
    }
}
