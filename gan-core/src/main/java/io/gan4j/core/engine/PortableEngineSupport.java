package io.gan4j.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * An {@link EngineSupport} built only from portable NDArray operations, for engines without a
 * usable deconvolution (DJL's PyTorch engine): the transposed convolution is computed exactly by
 * phase decomposition into one ordinary convolution.
 */
final class PortableEngineSupport implements EngineSupport {

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
        return phaseTransposedConv2d(input, weight, bias, stride, padding);
    }

    /**
     * Returns the transposed convolution computed by phase (sub-pixel) decomposition: output pixel
     * y = q·s + r − p only receives kernel taps k ≡ r (mod s), so each of the s² phases is a stride-1
     * correlation of the input with a flipped T×T sub-kernel (T = ⌈k/s⌉). One convolution with
     * s²·C_out filters computes all phases; depth-to-space interleaves them and a crop removes the
     * padding. Same FLOPs as the transposed convolution, and only ops every engine differentiates.
     */
    static NDArray phaseTransposedConv2d(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        Shape ws = weight.getShape();
        long cin = ws.get(0);
        long cout = ws.get(1);
        long k = ws.get(2);
        long s = stride.get(0);
        long p = padding.get(0);
        if (ws.get(3) != k || stride.get(1) != s || padding.get(1) != p) {
            throw new IllegalArgumentException("only square kernels, strides and paddings are supported, got weight "
                    + ws + " stride " + stride + " padding " + padding);
        }
        long t = (k + s - 1) / s;
        NDManager scope = input.getManager();
        NDArray w = weight;
        if (t * s > k) {
            // Zero taps past the kernel's end, so every phase has T taps.
            w = EngineSupport.scoped(NDArrays.concat(new NDList(w, scope.zeros(new Shape(cin, cout, t * s - k, k), w.getDataType())), 2), scope);
            w = NDArrays.concat(new NDList(w, scope.zeros(new Shape(cin, cout, t * s, t * s - k), w.getDataType())), 3);
        }
        // Tap index ky = j·s + r: split each kernel axis into (j, r), flip j, order as (ry, rx, cout, cin, jy, jx).
        NDArray kernel = EngineSupport.scoped(w.reshape(cin, cout, t, s, t, s), scope);
        kernel = EngineSupport.scoped(kernel.flip(2, 4), scope);
        kernel = EngineSupport.scoped(kernel.transpose(3, 5, 1, 0, 2, 4), scope);
        kernel = EngineSupport.scoped(kernel.reshape(s * s * cout, cin, t, t), scope);
        NDArray phases = Conv2d.conv2d(input, kernel, null, new Shape(1, 1), new Shape(t - 1, t - 1)).singletonOrThrow();
        Shape ps = phases.getShape();
        long n = ps.get(0);
        long hq = ps.get(2);
        long wq = ps.get(3);
        NDArray full = phases.reshape(n, s, s, cout, hq, wq).transpose(0, 3, 4, 1, 5, 2).reshape(n, cout, hq * s, wq * s);
        long hOut = (input.getShape().get(2) - 1) * s - 2 * p + k;
        long wOut = (input.getShape().get(3) - 1) * s - 2 * p + k;
        NDArray out = full.get(new NDIndex(":, :, {}:{}, {}:{}", p, p + hOut, p, p + wOut));
        return bias == null ? out : out.add(EngineSupport.scoped(bias.reshape(1, cout, 1, 1), scope));
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
