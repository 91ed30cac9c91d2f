package io.gan4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.NormalInitializer;
import io.gan4j.core.model.Generator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link Sampling#forEachChunk}: the chunks are exactly the samples {@link Sampling#generate}
 * makes from the same seed, and nothing of them stays in the caller's manager.
 */
final class SamplingTest {

    @Test
    void chunksAreTheSamplesOfGenerateAndAreReleased() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear block = Linear.builder().setUnits(2).build();
            block.setInitializer(new NormalInitializer(1f), Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            Generator g = Generator.of(block, new Shape(3), new Shape(2));
            float[] all = Sampling.generate(g, 1234, 9, manager).toFloatArray();

            try (NDManager caller = manager.newSubManager()) {
                List<Long> sizes = new ArrayList<>();
                float[] chunked = new float[all.length];
                int[] at = {0};
                Sampling.forEachChunk(g, 1234, 9, caller, chunk -> {
                    sizes.add(chunk.getShape().get(0));
                    float[] values = chunk.toFloatArray();
                    System.arraycopy(values, 0, chunked, at[0], values.length);
                    at[0] += values.length;
                });
                assertThat(sizes).containsExactly(500L, 500L, 234L);
                assertThat(chunked).containsExactly(all);
                assertThat(caller.getManagedArrays()).isEmpty();
            }
        }
    }
}
