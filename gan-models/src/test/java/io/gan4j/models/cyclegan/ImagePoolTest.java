package io.gan4j.models.cyclegan;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the image pool against the reference's rule, with chosen random numbers. */
final class ImagePoolTest {

    @Test
    void passesImagesThroughWhileFillingThenSwapsWithProbabilityOneHalf() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ImagePool pool = new ImagePool(3, new Shape(1, 2, 2), manager);
            Map<String, NDArray> state = pool.state("p/");
            try (NDManager step = manager.newSubManager()) {
                NDArray first = step.arange(0f, 8f).reshape(2, 1, 2, 2);
                NDArray out = pool.query(first, s -> step.create(new float[] {0.9f, 0.9f, 0.9f, 0.9f}, s));
                assertThat(out.toFloatArray()).containsExactly(first.toFloatArray());
            }
            assertThat(state.get("p/count").getFloat()).isEqualTo(2f);
            try (NDManager step = manager.newSubManager()) {
                // Image 0 fills the last slot; image 1 (u = 0.9 > 0.5) takes stored image 0 (index ⌊0.1·3⌋) and replaces it;
                // image 2 (u = 0.2) passes.
                NDArray second = step.arange(100f, 112f).reshape(3, 1, 2, 2);
                float[] u = {0.9f, 0.9f, 0.9f, 0.1f, 0.2f, 0.9f};
                NDArray out = pool.query(second, s -> step.create(u, s));
                assertThat(out.toFloatArray()).containsExactly(100, 101, 102, 103, 0, 1, 2, 3, 108, 109, 110, 111);
                assertThat(state.get("p/images").toFloatArray()).containsExactly(104, 105, 106, 107, 4, 5, 6, 7, 100, 101, 102, 103);
            }
            assertThat(state.get("p/count").getFloat()).isEqualTo(3f);
            assertThat(manager.getManagedArrays()).hasSize(2);
        }
    }
}
