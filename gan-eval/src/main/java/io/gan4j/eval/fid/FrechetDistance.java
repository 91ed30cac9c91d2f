package io.gan4j.eval.fid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * {@code FrechetDistance} computes the Fréchet distance between two Gaussians (Dowson &amp; Landau
 * 1982), the FID of Heusel et al. 2017 when the Gaussians are Inception (or other network) feature
 * statistics:
 * <pre>
 * d² = ‖μ1 − μ2‖² + Tr Σ1 + Tr Σ2 − 2 Tr √(Σ1 Σ2)
 * </pre>
 * in float64, without complex arithmetic: Σ1Σ2 is similar to the symmetric positive semi-definite
 * matrix Lᵀ Σ2 L, where Σ1 = L Lᵀ (Cholesky), so Tr √(Σ1 Σ2) is the sum of the square roots of that
 * matrix's eigenvalues. When Σ1 is singular (fewer samples than features) L is replaced by Σ1's
 * symmetric square root from its eigendecomposition, which gives the same spectrum. Eigenvalues
 * that rounding makes slightly negative count as 0, as the real part of scipy's {@code sqrtm} does.
 * pytorch-fid's safeguard is kept: if the result is not finite, ε·I (ε = 1e-6) is added to both
 * covariances and the distance recomputed.
 */
public final class FrechetDistance {

    /** pytorch-fid's regularization for a non-finite result. */
    public static final double EPS = 1e-6;

    private FrechetDistance() {}

    /**
     * Returns the squared Fréchet distance between two Gaussians.
     *
     * @throws IllegalArgumentException when the dimensions differ
     */
    public static double compute(GaussianStatistics a, GaussianStatistics b) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("statistics have different dimensions: " + a.dimension() + " and " + b.dimension());
        }
        double d = distance(a, b, 0);
        if (!Double.isFinite(d)) {
            d = distance(a, b, EPS);
        }
        return d;
    }

    private static double distance(GaussianStatistics a, GaussianStatistics b, double eps) {
        int n = a.dimension();
        double meanTerm = 0;
        for (int i = 0; i < n; i++) {
            double diff = a.mean()[i] - b.mean()[i];
            meanTerm += diff * diff;
        }
        DMatrixRMaj s1 = a.covariance().copy();
        DMatrixRMaj s2 = b.covariance().copy();
        for (int i = 0; i < n; i++) {
            s1.add(i, i, eps);
            s2.add(i, i, eps);
        }
        return meanTerm + CommonOps_DDRM.trace(s1) + CommonOps_DDRM.trace(s2) - 2 * traceSqrtProduct(s1, s2);
    }

    /** Returns Tr √(Σ1 Σ2) for symmetric positive semi-definite Σ1, Σ2. */
    static double traceSqrtProduct(DMatrixRMaj s1, DMatrixRMaj s2) {
        int n = s1.numRows;
        DMatrixRMaj factor = choleskyFactor(s1);
        if (factor == null) {
            factor = symmetricSquareRoot(s1);
        }
        // M = Fᵀ Σ2 F, symmetric PSD with the eigenvalues of Σ1 Σ2.
        DMatrixRMaj m = multiply(multiply(factor, s2, true), factor, false);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = (m.unsafe_get(i, j) + m.unsafe_get(j, i)) / 2;
                m.unsafe_set(i, j, s);
                m.unsafe_set(j, i, s);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(m)) {
            return Double.NaN;
        }
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += Math.sqrt(Math.max(0, eig.getEigenvalue(i).getReal()));
        }
        return trace;
    }

    /** Returns L with Σ = L Lᵀ, or null when Σ is not numerically positive definite. */
    private static DMatrixRMaj choleskyFactor(DMatrixRMaj sigma) {
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(sigma.numRows, true);
        if (!chol.decompose(sigma.copy())) {
            return null;
        }
        DMatrixRMaj l = chol.getT(null);
        for (int i = 0; i < l.numRows; i++) {
            if (!(l.unsafe_get(i, i) > 1e-12 * Math.sqrt(Math.abs(sigma.unsafe_get(i, i)) + 1e-300))) {
                return null;
            }
        }
        return l;
    }

    /** Returns V diag(√max(λ, 0)) Vᵀ, the symmetric square root of a PSD matrix. */
    private static DMatrixRMaj symmetricSquareRoot(DMatrixRMaj sigma) {
        int n = sigma.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(sigma.copy())) {
            throw new IllegalStateException("eigendecomposition of a covariance matrix did not converge");
        }
        DMatrixRMaj scaled = new DMatrixRMaj(n, n);
        DMatrixRMaj v = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            DMatrixRMaj vec = eig.getEigenVector(k);
            double root = Math.sqrt(Math.max(0, eig.getEigenvalue(k).getReal()));
            for (int i = 0; i < n; i++) {
                v.unsafe_set(i, k, vec.get(i));
                scaled.unsafe_set(i, k, vec.get(i) * root);
            }
        }
        return multiply(scaled, v, false, true);
    }

    private static DMatrixRMaj multiply(DMatrixRMaj a, DMatrixRMaj b, boolean transposeA) {
        return multiply(a, b, transposeA, false);
    }

    /** Multiplies on the DJL engine in float64 (BLAS): the O(d³) products are the bulk of the work. */
    private static DMatrixRMaj multiply(DMatrixRMaj a, DMatrixRMaj b, boolean transposeA, boolean transposeB) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(a.data, new Shape(a.numRows, a.numCols));
            NDArray y = m.create(b.data, new Shape(b.numRows, b.numCols));
            NDArray r = (transposeA ? x.transpose() : x).matMul(transposeB ? y.transpose() : y);
            Shape s = r.getShape();
            return DMatrixRMaj.wrap((int) s.get(0), (int) s.get(1), r.toDoubleArray());
        }
    }
}
