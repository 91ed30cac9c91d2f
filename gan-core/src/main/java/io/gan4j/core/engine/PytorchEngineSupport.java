package io.gan4j.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The {@link EngineSupport} of DJL's PyTorch engine: gradients accumulate, higher-order gradients
 * work (DJL's collector does not expose create-graph, so {@link #inputGradient} calls the engine's
 * backward directly), and transposed convolutions take the portable phase decomposition because the
 * engine has no deconvolution. This is the only class that uses the PyTorch engine's API, an
 * optional dependency of gan-core.
 */
final class PytorchEngineSupport implements EngineSupport {

    static final String ENGINE = "PyTorch";
    static final PytorchEngineSupport INSTANCE = new PytorchEngineSupport();

    private PytorchEngineSupport() {}

    @Override
    public String engineName() {
        return ENGINE;
    }

    @Override
    public NDArray transposedConv2d(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        return PortableEngineSupport.phaseTransposedConv2d(input, weight, bias, stride, padding);
    }

    @Override
    public boolean accumulatesGradients() {
        return true;
    }

    @Override
    public boolean supportsHigherOrderGradients() {
        return true;
    }

    @Override
    public NDArray inputGradient(NDArray output, NDArray input) {
        NDArray sum = output.sum();
        JniUtils.backward((PtNDArray) sum, (PtNDArray) sum.onesLike(), true, true);
        return input.getGradient();
    }
}
