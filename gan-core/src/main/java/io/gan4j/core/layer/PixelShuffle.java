package io.gan4j.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@code PixelShuffle} is the sub-pixel upsampling of Shi et al. 2016 (PyTorch's
 * {@code PixelShuffle(r)}): (N, C·r², H, W) → (N, C, H·r, W·r), channel c·r² + i·r + j becoming the
 * pixel (i, j) of each r × r cell of output channel c. Made of a reshape and a transpose, so it runs on
 * every engine.
 */
public final class PixelShuffle extends AbstractBlock {

    private final int factor;

    /**
     * Creates the layer.
     *
     * @param factor r, at least 1
     */
    public PixelShuffle(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be >= 1, was " + factor);
        }
        this.factor = factor;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape in = x.getShape();
        Shape out = getOutputShapes(new Shape[] {in})[0];
        return new NDList(x.reshape(in.get(0), out.get(1), factor, factor, in.get(2), in.get(3))
                .transpose(0, 1, 4, 2, 5, 3)
                .reshape(out));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long r2 = (long) factor * factor;
        if (in.get(1) % r2 != 0) {
            throw new IllegalArgumentException("pixel shuffle by " + factor + " needs channels divisible by " + r2 + ", has " + in.get(1));
        }
        return new Shape[] {new Shape(in.get(0), in.get(1) / r2, in.get(2) * factor, in.get(3) * factor)};
    }
}
