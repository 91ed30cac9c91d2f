package io.gan4j.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code MinibatchStdDev} is the minibatch standard-deviation layer of Karras et al. (2018): it
 * appends one feature, the mean over features (and positions) of the standard deviation of each
 * feature across the batch, so the discriminator can see how varied a batch is. (N, F) becomes
 * (N, F + 1); (N, C, H, W) becomes (N, C + 1, H, W) with the statistic as a constant map. The
 * standard deviation is sqrt(biased variance + 1e-8), over the whole batch (group size N).
 */
public final class MinibatchStdDev extends AbstractBlock {

    private static final float EPS = 1e-8f;

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        NDArray centered = x.sub(x.mean(new int[] {0}, true));
        NDArray std = centered.square().mean(new int[] {0}).add(EPS).sqrt();
        NDArray statistic = std.mean();
        // Copies: Shape.getShape() is the shape's own array, and the input's shape must stay as it is.
        long[] dims = shape.getShape().clone();
        dims[1] = 1;
        long[] ones = new long[dims.length];
        java.util.Arrays.fill(ones, 1);
        NDArray feature = statistic.reshape(new Shape(ones)).broadcast(new Shape(dims));
        return new NDList(NDArrays.concat(new NDList(x, feature), 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long[] dims = inputShapes[0].getShape().clone();
        dims[1] += 1;
        return new Shape[] {new Shape(dims)};
    }
}
