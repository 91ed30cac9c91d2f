package io.gan4j.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.Optional;

/**
 * An {@code EngineSupport} hides the few places where DJL engines differ in ways GAN code feels
 * (see DJL-NOTES.md): a transposed convolution that works, whether gradients accumulate across
 * backward passes, whether higher-order gradients are available, and the dense linear algebra
 * (Cholesky, symmetric eigensolver) an engine's LAPACK offers beyond DJL's API.
 *
 * <p>Everything else in gan4j is engine-agnostic DJL code. Look the implementation up with {@link
 * #of(NDArray)} from the arrays at hand, so code follows whatever engine created them.
 */
public interface EngineSupport {

    /**
     * Returns the DJL engine name this implementation serves, e.g. {@code MXNet}.
     *
     * @return the DJL engine name this implementation serves, e.g
     */
    String engineName();

    /**
     * Returns the 2-D transposed convolution (PyTorch's {@code conv_transpose2d} semantics) of
     * {@code input} (N, C_in, H, W) with {@code weight} (C_in, C_out, kH, kW); the result, of size
     * (H−1)·stride − 2·padding + k, is attached to the input's manager.
     *
     * @param bias (C_out) or {@code null}
     * @param input the input, (N, C, H, W)
     * @param weight the kernel, (in channels, out channels, kernel height, kernel width)
     * @param stride the stride (height, width)
     * @param padding the padding (height, width) taken off each side of the output
     * @return the 2-D transposed convolution (PyTorch's {@code conv_transpose2d} semantics) of {@code input}
     *     (N, C_in, H, W) with {@code weight} (C_in, C_out, kH, kW)
     */
    NDArray transposedConv2d(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding);

    /**
     * Returns {@link #transposedConv2d} computed in a way that may run more than once in one recorded
     * graph (a generator applied to real and to generated images in one loss, as CycleGAN does). The
     * same as {@link #transposedConv2d} unless the engine's native operator cannot do that.
     *
     * @param input the input, (N, C, H, W)
     * @param weight the kernel, (in channels, out channels, kernel height, kernel width)
     * @param bias (C_out) or {@code null}
     * @param stride the stride (height, width)
     * @param padding the padding (height, width) taken off each side of the output
     * @return {@link #transposedConv2d} computed in a way that may run more than once in one recorded graph
     *     (a generator applied to real and to generated images in one loss, as CycleGAN does)
     */
    default NDArray reusableTransposedConv2d(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        return transposedConv2d(input, weight, bias, stride, padding);
    }

    /**
     * Returns true when backward adds to existing gradients instead of overwriting them (PyTorch).
     *
     * @return true when backward adds to existing gradients instead of overwriting them (PyTorch)
     */
    boolean accumulatesGradients();

    /**
     * Returns true when gradients of gradients are correct (needed by gradient penalties).
     *
     * @return true when gradients of gradients are correct (needed by gradient penalties)
     */
    boolean supportsHigherOrderGradients();

    /**
     * Returns true when this engine provides the capability (transposed convolution: all of ours).
     *
     * @param capability a capability a plugin may require
     * @return true when this engine provides the capability (transposed convolution: all of ours)
     */
    default boolean supports(EngineCapability capability) {
        return switch (capability) {
            case HIGHER_ORDER_GRADIENTS -> supportsHigherOrderGradients();
            case TRANSPOSED_CONVOLUTION -> true;
        };
    }

    /**
     * Returns ∂ sum(output) / ∂ input as an array that is itself differentiable (autograd.grad with
     * create-graph), as gradient penalties need. {@code input} must require gradients and {@code
     * output} must have been computed from it while gradients were recorded. The pass stores no
     * gradient on any array; the outer backward pass differentiates the result with respect to the
     * parameters {@code output} depends on.
     *
     * @param output an array computed from {@code input} with gradients recorded
     * @param input the array to differentiate with respect to
     * @return ∂ sum(output) / ∂ input as an array that is itself differentiable (autograd.grad with
     *     create-graph), as gradient penalties need
     * @throws UnsupportedOperationException when the engine has no (correct) higher-order gradients
     */
    default NDArray inputGradient(NDArray output, NDArray input) {
        throw new UnsupportedOperationException("engine " + engineName() + " has no usable higher-order gradients, which gradient"
                + " penalties (WGAN-GP, R1, DRAGAN) need; run with --engine pytorch");
    }

    /**
     * Returns the lower Cholesky factor of a symmetric positive-definite float64 matrix, computed by
     * the engine's LAPACK; empty when the engine offers none or the matrix is not numerically
     * positive definite (callers fall back to portable code).
     *
     * @param spd a symmetric positive definite matrix
     * @return the lower Cholesky factor of a symmetric positive-definite float64 matrix, computed by the
     *     engine's LAPACK
     */
    default Optional<NDArray> cholesky(NDArray spd) {
        return Optional.empty();
    }

    /**
     * Returns true when a Cholesky factor with these extreme diagonal entries can be used: LAPACK stops at
     * the first non-positive pivot, and a factor whose smallest pivot is ≤ 1e-12 of its largest is of a
     * numerically singular matrix. Every Cholesky path (engine, LAPACK, EJML) applies this one rule.
     *
     * @param smallestDiagonal the smallest diagonal entry of the factor
     * @param largestDiagonal the largest diagonal entry of the factor
     * @return true when the factor can be used
     */
    static boolean usableCholeskyFactor(double smallestDiagonal, double largestDiagonal) {
        return largestDiagonal > 0 && smallestDiagonal > 1e-12 * largestDiagonal;
    }

    /**
     * Returns the eigenvalues (ascending) and eigenvectors (columns) of a symmetric float64 matrix,
     * computed by the engine's LAPACK; empty when the engine offers none or its solver fails (callers fall back to Java).
     *
     * @param withVectors false to compute the eigenvalues only (the list then has one array)
     * @param symmetric a symmetric matrix
     * @return the eigenvalues (ascending) and eigenvectors (columns) of a symmetric float64 matrix, computed
     *     by the engine's LAPACK
     */
    default Optional<NDList> symmetricEigen(NDArray symmetric, boolean withVectors) {
        return Optional.empty();
    }

    /**
     * Returns the Gram matrix xᵀx of an (n, d) matrix: the co-moment of centred samples. The result is
     * exactly symmetric. The default is a matrix product symmetrized as (P + Pᵀ)/2, because a general
     * product may round (i, j) and (j, i) differently; an engine with BLAS {@code syrk} does half the work.
     *
     * @param x an (n, d) matrix
     * @return the (d, d) matrix xᵀx
     */
    default NDArray gram(NDArray x) {
        NDArray product = x.transpose().matMul(x);
        return product.add(product.transpose()).div(2);
    }

    /**
     * Returns Lᵀ A L for a lower-triangular L and a square A (the congruence that maps A into the
     * coordinates of the Cholesky factor L). The default is two general matrix products; an engine with
     * BLAS {@code trmm} skips L's zero half.
     *
     * @param lower a lower-triangular (d, d) matrix
     * @param a a (d, d) matrix
     * @return the (d, d) matrix Lᵀ A L
     */
    default NDArray lowerCongruence(NDArray lower, NDArray a) {
        return lower.transpose().matMul(a).matMul(lower);
    }

    /**
     * Returns the mean of {@code x} over {@code axes}, on every engine: DJL's PyTorch engine averages
     * over one axis only ("Only 1 axis is support!"), so this divides a sum over the axes by their size.
     *
     * @param x the array
     * @param axes the axes to average over
     * @param keepDims whether the averaged axes stay, with size 1
     * @return the mean of {@code x} over {@code axes}, on every engine
     */
    static NDArray mean(NDArray x, int[] axes, boolean keepDims) {
        long count = 1;
        for (int axis : axes) {
            count *= x.getShape().get(axis);
        }
        return x.sum(axes, keepDims).div(count);
    }

    /**
     * Moves the result of an operation on parameters only into {@code scope}. An operation's result
     * belongs to the manager of the array it was called on, so without this a per-step computation
     * on weights (reshape, flip, normalization) would accumulate in the parameters' long-lived
     * manager and leak.
     *
     * @param parameterResult an array computed from parameters, possibly in the parameters' manager
     * @param scope the manager the result must belong to
     * @return the same values, owned by {@code scope}
     */
    static NDArray scoped(NDArray parameterResult, ai.djl.ndarray.NDManager scope) {
        parameterResult.attach(scope);
        return parameterResult;
    }

    /**
     * Returns the implementation for the engine that created {@code array}.
     *
     * @param array an array of the engine in question
     * @return the implementation for the engine that created {@code array}
     */
    static EngineSupport of(NDArray array) {
        return forEngine(array.getManager().getEngine().getEngineName());
    }

    /**
     * Returns the implementation for the named DJL engine: its {@link EngineSupportProvider}'s, or the
     * portable one (accumulating gradients, no higher-order gradients) for an engine without a provider.
     *
     * @param engineName a DJL engine name, e.g. {@code MXNet}
     * @return the implementation for the named DJL engine
     */
    static EngineSupport forEngine(String engineName) {
        EngineSupportProvider provider = EngineSupports.PROVIDERS.get(engineName);
        return provider != null ? provider.get() : new PortableEngineSupport(engineName, true, false);
    }
}
