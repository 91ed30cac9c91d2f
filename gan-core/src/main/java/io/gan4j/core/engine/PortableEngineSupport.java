package io.gan4j.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * An {@link EngineSupport} built only from portable NDArray operations, for engines without a
 * usable deconvolution (DJL's PyTorch engine): the transposed convolution is computed exactly as a
 * stride-1 convolution of the zero-interleaved input with the flipped, transposed kernel.
 */
final class PortableEngineSupport implements EngineSupport {

    static final PortableEngineSupport PYTORCH = new PortableEngineSupport("PyTorch", true, true);

    private final String engineName;
    private final boolean accumulatesGradients;
    private final boolean higherOrderGradients;

    PortableEngineSupport(String engineName, boolean accumulatesGradients, boolean higherOrderGradients) {
        this.engineName = engineName;
        this.accumulatesGradients = accumulatesGradients;
        this.higherOrderGradients = higherOrderGradients;
    }

    @Override
    public String engineName() {
        return engineName;
    }

    @Override
    public NDArray transposedConv2d(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        return zeroInterleavedTransposedConv2d(input, weight, bias, stride, padding);
    }

    /** Returns the transposed convolution computed as a convolution of the zero-interleaved input. */
    static NDArray zeroInterleavedTransposedConv2d(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        long kh = weight.getShape().get(2);
        long kw = weight.getShape().get(3);
        NDArray dilated = interleaveZeros(interleaveZeros(input, 2, stride.get(0)), 3, stride.get(1));
        // Parameter-only results would attach to the parameters' long-lived manager: keep them step-scoped.
        NDArray kernel = weight.flip(2, 3).transpose(1, 0, 2, 3);
        kernel.attach(input.getManager());
        Shape pad = new Shape(kh - 1 - padding.get(0), kw - 1 - padding.get(1));
        if (pad.get(0) < 0 || pad.get(1) < 0) {
            throw new IllegalArgumentException("padding must be < kernel size, was " + padding);
        }
        return Conv2d.conv2d(dilated, kernel, bias, new Shape(1, 1), pad, new Shape(1, 1), 1).singletonOrThrow();
    }

    /** Inserts {@code factor − 1} zeros between neighbours along {@code axis} of an NCHW array. */
    private static NDArray interleaveZeros(NDArray x, int axis, long factor) {
        if (factor == 1) {
            return x;
        }
        Shape s = x.getShape();
        NDArray expanded = x.expandDims(axis + 1);
        Shape zerosShape = expanded.getShape().slice(0, axis + 1).add(factor - 1).addAll(expanded.getShape().slice(axis + 2));
        NDArray zeros = x.getManager().zeros(zerosShape, x.getDataType());
        NDArray stacked = NDArrays.concat(new ai.djl.ndarray.NDList(expanded, zeros), axis + 1);
        long[] merged = s.getShape().clone();
        merged[axis] = s.get(axis) * factor;
        NDArray flat = stacked.reshape(new Shape(merged));
        String index = axis == 2 ? ":, :, :{}" : ":, :, :, :{}";
        return flat.get(new NDIndex(index, (s.get(axis) - 1) * factor + 1));
    }

    @Override
    public boolean accumulatesGradients() {
        return accumulatesGradients;
    }

    @Override
    public boolean supportsHigherOrderGradients() {
        return higherOrderGradients;
    }
}
