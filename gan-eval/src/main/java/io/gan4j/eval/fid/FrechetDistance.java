package io.gan4j.eval.fid;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.engine.EngineSupport;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
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
 * matrix Fᵀ Σ2 F for any F with Σ1 = F Fᵀ, so Tr √(Σ1 Σ2) is the sum of the square roots of that
 * matrix's eigenvalues. F is the Cholesky factor of Σ1, or, when Σ1 is singular (fewer samples
 * than features, dead units), its symmetric square root from an eigendecomposition; both give the
 * same spectrum. Eigenvalues that rounding makes slightly negative count as 0, as the real part of
 * scipy's {@code sqrtm} does. pytorch-fid's safeguard is kept: if the result is not finite, ε·I
 * (ε = 1e-6) is added to both covariances and the distance recomputed.
 *
 * <p>The O(d³) work runs on the DJL engine: matrix products through its BLAS, and Cholesky and
 * eigenvalues through its LAPACK when {@link EngineSupport} offers them, else through EJML.
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
        return compute(a, b, EngineSupport.forEngine(Engine.getInstance().getEngineName()));
    }

    /** Returns the distance using the linear algebra of {@code support} (tests compare implementations). */
    static double compute(GaussianStatistics a, GaussianStatistics b, EngineSupport support) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("statistics have different dimensions: " + a.dimension() + " and " + b.dimension());
        }
        double d = distance(a, b, 0, support);
        if (!Double.isFinite(d)) {
            d = distance(a, b, EPS, support);
        }
        return d;
    }

    private static double distance(GaussianStatistics a, GaussianStatistics b, double eps, EngineSupport support) {
        int n = a.dimension();
        double meanTerm = 0;
        for (int i = 0; i < n; i++) {
            double diff = a.mean()[i] - b.mean()[i];
            meanTerm += diff * diff;
        }
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            Shape square = new Shape(n, n);
            NDArray s1 = m.create(a.covariance().data, square);
            NDArray s2 = m.create(b.covariance().data, square);
            if (eps > 0) {
                NDArray offset = m.eye(n, n, 0, DataType.FLOAT64).mul(eps);
                s1 = s1.add(offset);
                s2 = s2.add(offset);
            }
            double traces = 2 * n * eps;
            for (int i = 0; i < n; i++) {
                traces += a.covariance().unsafe_get(i, i) + b.covariance().unsafe_get(i, i);
            }
            return meanTerm + traces - 2 * traceSqrtProduct(s1, s2, support);
        }
    }

    /** Returns Tr √(Σ1 Σ2) for symmetric positive semi-definite Σ1, Σ2 (float64, n × n). */
    static double traceSqrtProduct(NDArray s1, NDArray s2, EngineSupport support) {
        Optional<NDArray> cholesky = support.cholesky(s1).or(() -> javaCholesky(s1));
        NDArray product = cholesky.isPresent()
                ? support.lowerCongruence(cholesky.get(), s2)
                : congruence(symmetricSquareRoot(s1, support), s2);
        // LAPACK reads one triangle of a symmetric matrix; the Java solver gets an exactly symmetric copy.
        double[] eigenvalues = support.symmetricEigen(product, false)
                .map(list -> list.get(0).toDoubleArray())
                .orElseGet(() -> javaEigenvalues(product.add(product.transpose()).div(2)));
        double trace = 0;
        for (double lambda : eigenvalues) {
            trace += Math.sqrt(Math.max(0, lambda));
        }
        return trace;
    }

    private static NDArray congruence(NDArray factor, NDArray a) {
        return factor.transpose().matMul(a).matMul(factor);
    }

    /** Returns V diag(√max(λ, 0)) Vᵀ, the symmetric square root of a PSD matrix. */
    private static NDArray symmetricSquareRoot(NDArray sigma, EngineSupport support) {
        NDList eigen = support.symmetricEigen(sigma, true).orElseGet(() -> javaEigen(sigma));
        NDArray roots = eigen.get(0).maximum(0).sqrt();
        NDArray vectors = eigen.get(1);
        return vectors.mul(roots.reshape(1, -1)).matMul(vectors.transpose());
    }

    private static Optional<NDArray> javaCholesky(NDArray spd) {
        DMatrixRMaj sigma = toEjml(spd);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(sigma.numRows, true);
        if (!chol.decompose(sigma)) {
            return Optional.empty();
        }
        DMatrixRMaj l = chol.getT(null);
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < l.numRows; i++) {
            largest = Math.max(largest, l.unsafe_get(i, i));
            smallest = Math.min(smallest, l.unsafe_get(i, i));
        }
        if (!EngineSupport.usableCholeskyFactor(smallest, largest)) {
            return Optional.empty();
        }
        return Optional.of(spd.getManager().create(l.data, new Shape(l.numRows, l.numCols)));
    }

    private static double[] javaEigenvalues(NDArray symmetric) {
        DMatrixRMaj m = toEjml(symmetric);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false, true);
        if (!eig.decompose(m)) {
            return new double[] {Double.NaN};
        }
        double[] values = new double[m.numRows];
        for (int i = 0; i < values.length; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        return values;
    }

    private static NDList javaEigen(NDArray symmetric) {
        DMatrixRMaj m = toEjml(symmetric);
        int n = m.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("eigendecomposition of a covariance matrix did not converge");
        }
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        for (int k = 0; k < n; k++) {
            values[k] = eig.getEigenvalue(k).getReal();
            DMatrixRMaj v = eig.getEigenVector(k);
            for (int i = 0; i < n; i++) {
                vectors[i * n + k] = v.get(i);
            }
        }
        NDManager manager = symmetric.getManager();
        return new NDList(manager.create(values), manager.create(vectors, new Shape(n, n)));
    }

    private static DMatrixRMaj toEjml(NDArray square) {
        Shape s = square.getShape();
        return DMatrixRMaj.wrap((int) s.get(0), (int) s.get(1), square.toDoubleArray());
    }
}
