package io.gan4j.models.cyclegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An {@code ImagePool} is the history of generated images the reference CycleGAN shows its
 * discriminators (Shrivastava et al. 2017): until it holds {@code capacity} images every image
 * passes through and is stored; afterwards, with probability ½ an image is swapped for a random
 * stored one (which it replaces), else it passes through.
 *
 * <p>Its whole state is two arrays (images, and how many are stored) that live as long as the run
 * and change in place, so checkpoints save it and a resumed run continues exactly; its randomness
 * comes from the caller's seeded stream.
 */
final class ImagePool {

    private final int capacity;
    private final NDArray images;
    private final NDArray count;

    /**
     * Creates an empty pool.
     *
     * @param capacity images kept (50 in the reference; 0 disables the pool)
     * @param imageShape (C, H, W)
     * @param manager owns the state for the run
     */
    ImagePool(int capacity, Shape imageShape, NDManager manager) {
        this.capacity = capacity;
        this.images = manager.zeros(new Shape(Math.max(capacity, 1)).addAll(imageShape), DataType.FLOAT32);
        this.count = manager.zeros(new Shape(1), DataType.FLOAT32);
    }

    /** Returns the state arrays, named under {@code prefix}. */
    Map<String, NDArray> state(String prefix) {
        Map<String, NDArray> state = new LinkedHashMap<>();
        state.put(prefix + "images", images);
        state.put(prefix + "count", count);
        return state;
    }

    /**
     * Returns the images to show the discriminator instead of {@code generated}, updating the pool.
     *
     * @param generated (N, C, H, W), detached from the generator's graph
     * @param uniform draws U[0, 1) arrays of a shape from the step's seeded stream
     * @return (N, C, H, W) in {@code generated}'s manager
     */
    NDArray query(NDArray generated, Function<Shape, NDArray> uniform) {
        if (capacity == 0) {
            return generated;
        }
        NDManager scope = generated.getManager();
        long n = generated.getShape().get(0);
        float[] u = uniform.apply(new Shape(n, 2)).toFloatArray();
        int stored = (int) count.getFloat();
        NDList out = new NDList();
        for (int i = 0; i < n; i++) {
            NDArray image = generated.get(i);
            if (stored < capacity) {
                images.set(new NDIndex(stored++), image);
                out.add(image);
            } else if (u[2 * i] > 0.5f) {
                int j = Math.min(capacity - 1, (int) (u[2 * i + 1] * capacity));
                NDArray old = images.get(j);
                old.attach(scope);
                out.add(old.duplicate());
                images.set(new NDIndex(j), image);
            } else {
                out.add(image);
            }
        }
        count.set(new NDIndex(0), stored);
        return NDArrays.stack(out);
    }
}
