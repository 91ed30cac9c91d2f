package io.gan4j.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An {@code Upsample2d} enlarges the spatial axes of an NCHW array by an integer factor with
 * nearest-neighbour interpolation (PyTorch's {@code Upsample(scale_factor=f, mode="nearest")}).
 */
public final class Upsample2d extends AbstractBlock {

    private final int factor;

    /**
     * Creates the layer.
     *
     * @param factor integer scale factor, at least 1
     */
    public Upsample2d(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be >= 1, was " + factor);
        }
        this.factor = factor;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(x.repeat(2, factor).repeat(3, factor));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), in.get(2) * factor, in.get(3) * factor)};
    }
}
