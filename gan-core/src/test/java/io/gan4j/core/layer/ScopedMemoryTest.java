package io.gan4j.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A training pass in a step-scoped manager must leave nothing behind in the parameters' manager. */
final class ScopedMemoryTest {

    static Stream<Block> layers() {
        return Stream.of(new TransposedConv2d(1, 4, 2, 1, true), new TransposedConv2d(3, 4, 2, 1, true),
                new TransposedConv2d(2, 3, 2, 0, false), new InstanceNorm2d(1e-5f, true), new ReflectionPad2d(1), new Upsample2d(2));
    }

    @ParameterizedTest
    @MethodSource("layers")
    void parameterManagerDoesNotGrow(Block block) {
        Shape shape = new Shape(2, 3, 6, 6);
        try (NDManager root = NDManager.newBaseManager()) {
            block.initialize(root, DataType.FLOAT32, shape);
            ParameterStore store = new ParameterStore(root, false);
            int before = -1;
            for (int i = 0; i < 4; i++) {
                try (NDManager step = root.newSubManager()) {
                    NDList x = new NDList(step.randomNormal(shape));
                    x.head().setRequiresGradient(true);
                    try (GradientCollector gc = step.getEngine().newGradientCollector()) {
                        gc.backward(block.forward(store, x, true).head().sum());
                    }
                }
                if (i == 0) {
                    before = root.getManagedArrays().size();
                }
            }
            assertThat(root.getManagedArrays()).hasSize(before);
        }
    }
}
