package io.gan4j.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
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
    private final int outputPadding;
    private final boolean reusedPerGraph;
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
        this(filters, kernel, stride, padding, 0, withBias, false);
    }

    /**
     * Creates the layer with PyTorch's {@code output_padding}: rows and columns added at the bottom and
     * right of the output, so that e.g. kernel 3, stride 2, padding 1, output padding 1 doubles the size.
     *
     * @param filters output channels
     * @param kernel square kernel size
     * @param stride stride
     * @param padding zero padding removed from each border of the output
     * @param outputPadding extra output rows/columns on one side, smaller than the stride
     * @param withBias whether to add a per-channel bias
     * @param reusedPerGraph whether the layer may run more than once per recorded loss (e.g. a CycleGAN
     *     generator); engines whose native operator cannot do that then use a slower path
     */
    public TransposedConv2d(int filters, int kernel, int stride, int padding, int outputPadding, boolean withBias,
            boolean reusedPerGraph) {
        if (filters <= 0 || kernel <= 0 || stride <= 0 || padding < 0 || padding >= kernel || outputPadding < 0
                || outputPadding >= stride || outputPadding > padding) {
            throw new IllegalArgumentException("invalid transposed convolution: filters=" + filters
                    + " kernel=" + kernel + " stride=" + stride + " padding=" + padding + " output padding=" + outputPadding);
        }
        this.outputPadding = outputPadding;
        this.reusedPerGraph = reusedPerGraph;
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
        if (outputPadding == 0) {
            return new NDList(convolve(x, w, b, s, new Shape(padding, padding)));
        }
        // The unpadded output cropped by `padding` at the top/left and by `padding − outputPadding` at the bottom/right.
        NDArray full = convolve(x, w, b, s, new Shape(0, 0));
        Shape out = getOutputShapes(new Shape[] {x.getShape()})[0];
        return new NDList(full.get(new NDIndex(":, :, {}:{}, {}:{}", padding, padding + out.get(2), padding, padding + out.get(3))));
    }

    private NDArray convolve(NDArray x, NDArray w, NDArray b, Shape stride, Shape pad) {
        EngineSupport engine = EngineSupport.of(x);
        return reusedPerGraph ? engine.reusableTransposedConv2d(x, w, b, stride, pad) : engine.transposedConv2d(x, w, b, stride, pad);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long h = (in.get(2) - 1) * stride - 2L * padding + kernel + outputPadding;
        long w = (in.get(3) - 1) * stride - 2L * padding + kernel + outputPadding;
        return new Shape[] {new Shape(in.get(0), filters, h, w)};
    }
}
