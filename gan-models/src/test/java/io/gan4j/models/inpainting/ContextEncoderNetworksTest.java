package io.gan4j.models.inpainting;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Shapes of the context encoder's networks for the sides the tests and demos use. */
final class ContextEncoderNetworksTest {

    @Test
    void theGeneratorPredictsTheHoleAndTheDiscriminatorGivesOneLogitPerHole() {
        int[][] cases = {{28, 14}, {32, 16}, {28, 4}, {64, 32}};
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] c : cases) {
                int side = c[0];
                int hole = c[1];
                Block g = ContextEncoderNetworks.generator(3, side, hole, 4, 8);
                g.initialize(m, DataType.FLOAT32, new Shape(1, 3, side, side));
                Shape out = g.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(2, 3, side, side))), false)
                        .singletonOrThrow().getShape();
                assertThat(out).as("side %d, hole %d", side, hole).isEqualTo(new Shape(2, 3, hole, hole));
                Block d = ContextEncoderNetworks.discriminator(hole, 4);
                d.initialize(m, DataType.FLOAT32, new Shape(1, 3, hole, hole));
                assertThat(d.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(2, 3, hole, hole))), false)
                        .singletonOrThrow().getShape()).isEqualTo(new Shape(2, 1));
            }
        }
    }
}
