package io.gan4j.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@code ReflectionPad2d} pads the two spatial axes of an NCHW array by mirroring the border
 * without repeating the edge (PyTorch's {@code ReflectionPad2d}, NumPy's {@code reflect} mode):
 * row −1 is row 1, row H is row H−2.
 */
public final class ReflectionPad2d extends AbstractBlock {

    private final int padding;

    /**
     * Creates the layer.
     *
     * @param padding rows/columns added on every side; must be smaller than the spatial sizes
     */
    public ReflectionPad2d(int padding) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, was " + padding);
        }
        this.padding = padding;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(pad(pad(x, 2), 3));
    }

    private NDArray pad(NDArray x, int axis) {
        if (padding == 0) {
            return x;
        }
        long size = x.getShape().get(axis);
        if (padding >= size) {
            throw new IllegalArgumentException("reflection padding " + padding + " needs a size > " + padding + ", was " + size);
        }
        String prefix = axis == 2 ? ":, :, " : ":, :, :, ";
        NDArray before = x.get(new NDIndex(prefix + "1:{}", padding + 1)).flip(axis);
        NDArray after = x.get(new NDIndex(prefix + "{}:{}", size - 1 - padding, size - 1)).flip(axis);
        return NDArrays.concat(new NDList(before, x, after), axis);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), in.get(2) + 2L * padding, in.get(3) + 2L * padding)};
    }
}
