package io.gan4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void proportionalLabelsFollowTheCountsInEveryPrefix() {
        int[] counts = {100, 300, 0, 600};
        int[] labels = Sampling.proportionalLabels(1000, counts);
        int[] seen = new int[4];
        for (int n = 1; n <= labels.length; n++) {
            seen[labels[n - 1]]++;
            for (int c = 0; c < 4; c++) {
                assertThat(Math.abs(seen[c] - n * counts[c] / 1000.0)).as("class %d after %d labels", c, n).isLessThanOrEqualTo(1.0);
            }
        }
        assertThat(seen).containsExactly(100, 300, 0, 600);
        assertThat(Sampling.proportionalLabels(7, new int[] {5, 5})).containsExactly(0, 1, 0, 1, 0, 1, 0);
        assertThatThrownBy(() -> Sampling.proportionalLabels(3, new int[] {0, 0})).hasMessage("class counts are all 0");
        assertThatThrownBy(() -> Sampling.proportionalLabels(3, new int[] {1, -1})).hasMessageContaining("must be >= 0");
    }

    @Test
    void aRunGeneratesItsDataProportionsWhenRecordedAndBalancedClassesOtherwise() {
        Generator conditional = Generator.conditional(Linear.builder().setUnits(2).build(), new Shape(3), new Shape(2), 3);
        assertThat(Sampling.labels(conditional, 8, new int[] {1, 1, 2})).containsExactly(2, 0, 1, 2, 2, 0, 1, 2);
        assertThat(Sampling.labels(conditional, 4, null)).containsExactly(0, 1, 2, 0);
        Generator unconditional = Generator.of(Linear.builder().setUnits(2).build(), new Shape(3), new Shape(2));
        assertThat(Sampling.labels(unconditional, 4, new int[] {1, 1, 2})).isNull();
    }
}
