package io.gan4j.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.gan4j.core.engine.EngineSupport;

/**
 * A {@code TransposedConv2d} is a 2-D transposed ("fractionally strided") convolution with
 * PyTorch's {@code ConvTranspose2d} semantics and weight layout (C_in, C_out, k, k); it replaces
 * DJL's {@code Conv2dTranspose}, which fails on MXNet whenever C_in ≠ C_out.
 *
 * <p>Input (N, C_in, H, W); output (N, C_out, (H−1)·s − 2p + k, (W−1)·s − 2p + k).
 */
public final class TransposedConv2d extends AbstractBlock {

    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * Creates the layer.
     *
     * @param filters output channels
     * @param kernel square kernel size
     * @param stride stride
     * @param padding zero padding removed from each border of the output
     * @param withBias whether to add a per-channel bias
     */
    public TransposedConv2d(int filters, int kernel, int stride, int padding, boolean withBias) {
        if (filters <= 0 || kernel <= 0 || stride <= 0 || padding < 0 || padding >= kernel) {
            throw new IllegalArgumentException("invalid transposed convolution: filters=" + filters
                    + " kernel=" + kernel + " stride=" + stride + " padding=" + padding);
        }
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        this.bias = withBias
                ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).optShape(new Shape(filters)).build())
                : null;
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(inputShapes[0].get(1), filters, kernel, kernel));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : store.getValue(bias, x.getDevice(), training);
        Shape s = new Shape(stride, stride);
        Shape p = new Shape(padding, padding);
        return new NDList(EngineSupport.of(x).transposedConv2d(x, w, b, s, p));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long h = (in.get(2) - 1) * stride - 2L * padding + kernel;
        long w = (in.get(3) - 1) * stride - 2L * padding + kernel;
        return new Shape[] {new Shape(in.get(0), filters, h, w)};
    }
}
