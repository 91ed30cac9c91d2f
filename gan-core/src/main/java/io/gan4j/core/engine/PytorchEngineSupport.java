package io.gan4j.core.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The {@link EngineSupport} of DJL's PyTorch engine: gradients accumulate, higher-order gradients
 * work (DJL does not expose autograd.grad, so {@link #inputGradient} runs it as TorchScript), and
 * transposed convolutions take the portable phase decomposition because the engine has no
 * deconvolution. This is the only class that uses the PyTorch engine's API, an optional dependency
 * of gan-core.
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

    /** DJL's PyTorch engine binds no factorization; libtorch's own LAPACK (MKL) does it ({@link NativeLapack}). */
    @Override
    public Optional<NDArray> cholesky(NDArray spd) {
        return NativeLapack.choleskyLower(spd).map(l -> spd.getManager().create(l, spd.getShape()));
    }

    /** Eigenvalues alone from libtorch's LAPACK ({@link NativeLapack}); with vectors, empty (callers use EJML). */
    @Override
    public Optional<NDList> symmetricEigen(NDArray symmetric, boolean withVectors) {
        return withVectors ? Optional.empty()
                : NativeLapack.symmetricEigenvalues(symmetric).map(values -> new NDList(symmetric.getManager().create(values)));
    }

    @Override
    public boolean accumulatesGradients() {
        return true;
    }

    @Override
    public boolean supportsHigherOrderGradients() {
        return true;
    }

    /**
     * Calls {@code torch.autograd.grad(sum(output), input, create_graph=True)} through a tiny
     * TorchScript module shipped as a resource ({@code input-gradient.pt}, made by {@code
     * src/main/torchscript/input_gradient.py}), because DJL's binding exposes only backward with
     * create-graph. Unlike backward, autograd.grad leaves {@code .grad} unset on the input and the
     * parameters: a gradient stored there would carry a graph referring back to its own tensor, a
     * reference cycle PyTorch never frees (the native leak this replaces).
     */
    @Override
    public NDArray inputGradient(NDArray output, NDArray input) {
        // training = true: DJL otherwise runs TorchScript with gradients off.
        NDArray gradient = IValueUtils.forward(inputGradientModule(),
                new NDList(output, input), true).singletonOrThrow();
        gradient.attach(output.getManager());
        return gradient;
    }

    private static PtSymbolBlock module;

    private static synchronized PtSymbolBlock inputGradientModule() {
        if (module == null) {
            try (InputStream in = PytorchEngineSupport.class.getResourceAsStream("input-gradient.pt")) {
                if (in == null) {
                    throw new IllegalStateException("resource input-gradient.pt missing from gan-core");
                }
                module = JniUtils.loadModule((PtNDManager) Engine.getEngine(ENGINE).newBaseManager(), in, false, false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load input-gradient.pt", e);
            }
        }
        return module;
    }
}
