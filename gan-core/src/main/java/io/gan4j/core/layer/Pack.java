package io.gan4j.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code Pack} is PacGAN's packing (Lin et al. 2018): the discriminator judges {@code m} samples at
 * once. Consecutive groups of m samples are concatenated along axis 1 — (N, F) becomes
 * (N/m, m·F), (N, C, H, W) becomes (N/m, m·C, H, W) — so a discriminator that starts with this layer
 * returns one logit per group. The batch size must be a multiple of m.
 */
public final class Pack extends AbstractBlock {

    private final int m;

    /** Creates the layer for packs of {@code m} ≥ 1 samples. */
    public Pack(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("pack size must be >= 1, was " + m);
        }
        this.m = m;
    }

    /**
     * Returns how many samples {@code block} judges at once: m of the first {@code Pack} among it and
     * its descendants, 1 when it has none.
     */
    public static int sizeIn(Block block) {
        if (block instanceof Pack pack) {
            return pack.m;
        }
        for (Block child : block.getChildren().values()) {
            int m = sizeIn(child);
            if (m > 1) {
                return m;
            }
        }
        return 1;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(x.reshape(packed(x.getShape())));
    }

    private Shape packed(Shape shape) {
        long n = shape.get(0);
        if (n % m != 0) {
            throw new IllegalArgumentException("PacGAN packs of " + m + " need a batch size divisible by " + m + ", got " + n);
        }
        // A copy: Shape.getShape() is the shape's own array, and the input's shape must stay as it is.
        long[] dims = shape.getShape().clone();
        dims[0] = n / m;
        dims[1] = dims[1] * m;
        return new Shape(dims);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        // Initialization runs with one sample; the layer then describes a pack of that sample's shape.
        return new Shape[] {s.get(0) % m == 0 ? packed(s) : packed(new Shape(m).addAll(s.slice(1)))};
    }
}
