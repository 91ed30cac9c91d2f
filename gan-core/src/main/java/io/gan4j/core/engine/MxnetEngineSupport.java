package io.gan4j.core.engine;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.PairList;
import java.util.Optional;

/**
 * The MXNet engine's {@link EngineSupport}. DJL's own deconvolution takes the filter count from
 * the wrong weight axis ("Shape inconsistent" when C_in ≠ C_out), so this calls MXNet's
 * {@code _npx_deconvolution} operator directly with the (C_in, C_out, k, k) layout it expects.
 *
 * <p>MXNet 1.9.1's oneDNN backward of a deconvolution with a single output channel fails ("could not
 * create a primitive descriptor for a reorder primitive"), and so does, with a crash, any workaround
 * that feeds the deconvolution a computed weight (zero-padding it to two channels): MXNet's
 * deconvolution backward crashes whenever its weight is not a leaf array. One-channel layers
 * therefore take the portable path, an ordinary convolution by phase decomposition.
 */
final class MxnetEngineSupport implements EngineSupport {

    static final MxnetEngineSupport INSTANCE = new MxnetEngineSupport();

    private MxnetEngineSupport() {}

    @Override
    public String engineName() {
        return "MXNet";
    }

    @Override
    public NDArray transposedConv2d(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        if (weight.getShape().get(1) == 1) {
            return PortableEngineSupport.phaseTransposedConv2d(input, weight, bias, stride, padding);
        }
        return deconvolution(input, weight, bias, stride, padding);
    }

    /** MXNet's deconvolution crashes (SIGSEGV) in backward when it runs twice in one recorded graph; the phase path does not. */
    @Override
    public NDArray reusableTransposedConv2d(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        return PortableEngineSupport.phaseTransposedConv2d(input, weight, bias, stride, padding);
    }

    private static NDArray deconvolution(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        Shape w = weight.getShape();
        PairList<String, Object> params = new PairList<>();
        params.add("kernel", "(" + w.get(2) + "," + w.get(3) + ")");
        params.add("stride", "(" + stride.get(0) + "," + stride.get(1) + ")");
        params.add("pad", "(" + padding.get(0) + "," + padding.get(1) + ")");
        params.add("num_filter", w.get(1));
        params.add("no_bias", bias == null);
        NDList inputs = bias == null ? new NDList(input, weight) : new NDList(input, weight, bias);
        return input.getManager().invoke("_npx_deconvolution", inputs, params).singletonOrThrow();
    }

    /** BLAS {@code syrk} through MXNet's {@code linalg_syrk}, which also fills the upper triangle (so the result is symmetric). */
    @Override
    public NDArray gram(NDArray x) {
        PairList<String, Object> params = new PairList<>();
        params.add("transpose", true);
        synchronized (NativeLapack.SERIAL) {
            return x.getManager().invoke("linalg_syrk", new NDList(x), params).singletonOrThrow();
        }
    }

    /** Two BLAS {@code trmm} products through MXNet's {@code linalg_trmm}: X = A L, then Lᵀ X. */
    @Override
    public NDArray lowerCongruence(NDArray lower, NDArray a) {
        PairList<String, Object> right = new PairList<>();
        right.add("rightside", true);
        right.add("lower", true);
        PairList<String, Object> transposedLeft = new PairList<>();
        transposedLeft.add("transpose", true);
        transposedLeft.add("lower", true);
        synchronized (NativeLapack.SERIAL) {
            NDArray al = a.getManager().invoke("linalg_trmm", new NDList(lower, a), right).singletonOrThrow();
            return a.getManager().invoke("linalg_trmm", new NDList(lower, al), transposedLeft).singletonOrThrow();
        }
    }

    @Override
    public Optional<NDArray> cholesky(NDArray spd) {
        PairList<String, Object> params = new PairList<>();
        params.add("lower", true);
        // Under MXNet's threaded engine (its default) a failed factorization surfaces at the first read of
        // its result, not at the call: reading the diagonal inside the try reports it here.
        try {
            NDArray l;
            synchronized (NativeLapack.SERIAL) {
                l = spd.getManager().invoke("_npi_cholesky", new NDList(spd), params).singletonOrThrow();
            }
            // LAPACK's potrf stops at the first non-positive pivot; MXNet then returns a partial factor.
            // MXNet has no diagonal(); mask with the identity and sum rows to get it without copying L out.
            long n = l.getShape().get(0);
            NDArray diagonal = l.mul(spd.getManager().eye((int) n, (int) n, 0, l.getDataType())).sum(new int[] {1});
            double smallest = diagonal.min().getDouble();
            double largest = diagonal.max().getDouble();
            return EngineSupport.usableCholeskyFactor(smallest, largest) ? Optional.of(l) : Optional.empty();
        } catch (EngineException e) {
            return Optional.empty();
        }
    }

    /** Eigenvalues alone come from LAPACK directly when it can be reached ({@link NativeLapack}), else from MXNet's operator. */
    @Override
    public Optional<NDList> symmetricEigen(NDArray symmetric, boolean withVectors) {
        if (!withVectors) {
            Optional<double[]> values = NativeLapack.symmetricEigenvalues(symmetric);
            if (values.isPresent()) {
                return Optional.of(new NDList(symmetric.getManager().create(values.get())));
            }
        }
        PairList<String, Object> params = new PairList<>();
        params.add("UPLO", "L");
        try {
            synchronized (NativeLapack.SERIAL) {
                NDList result = symmetric.getManager().invoke(withVectors ? "_npi_eigh" : "_npi_eigvalsh", new NDList(symmetric), params);
                // As for the Cholesky factor: a failure under the threaded engine shows at the first read, so read here.
                result.head().max().getDouble();
                return Optional.of(result);
            }
        } catch (EngineException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean accumulatesGradients() {
        return false;
    }

    @Override
    public boolean supportsHigherOrderGradients() {
        return false;
    }
}
