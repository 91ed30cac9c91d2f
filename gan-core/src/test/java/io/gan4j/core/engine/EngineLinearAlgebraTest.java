package io.gan4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engines' BLAS/LAPACK shortcuts (MXNet's {@code syrk} and {@code trmm}; eigenvalues without vectors and
 * Cholesky factors from the LAPACK each engine carries) against the portable definitions, on float64
 * matrices with known answers.
 */
final class EngineLinearAlgebraTest {

    private static final EngineSupport MXNET = EngineSupport.forEngine("MXNet");
    private static final EngineSupport PORTABLE = new PortableEngineSupport("portable", true, false);

    private static double[] gaussian(int count, long seed) {
        Random r = new Random(seed);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    @Test
    void gramIsTheSymmetricProductOfTheTransposeWithTheMatrix() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(gaussian(300 * 40, 1), new Shape(300, 40));
            double[] fast = MXNET.gram(x).toDoubleArray();
            double[] plain = PORTABLE.gram(x).toDoubleArray();
            double[] naive = new double[40 * 40];
            double[] v = x.toDoubleArray();
            for (int i = 0; i < 40; i++) {
                for (int j = 0; j < 40; j++) {
                    for (int k = 0; k < 300; k++) {
                        naive[i * 40 + j] += v[k * 40 + i] * v[k * 40 + j];
                    }
                }
            }
            for (int i = 0; i < naive.length; i++) {
                assertThat(fast[i]).isCloseTo(naive[i], within(1e-11));
                assertThat(plain[i]).isCloseTo(naive[i], within(1e-11));
            }
            for (int i = 0; i < 40; i++) {
                for (int j = 0; j < 40; j++) {
                    assertThat(fast[i * 40 + j]).as("exactly symmetric").isEqualTo(fast[j * 40 + i]);
                    assertThat(plain[i * 40 + j]).as("exactly symmetric").isEqualTo(plain[j * 40 + i]);
                }
            }
        }
    }

    /**
     * Two threads of one process (two Spark tasks in local[2]) computing Gram matrices at once: MXNet's
     * bundled OpenBLAS, multi-threaded, spun forever in such a pair of syrk calls until they were serialized.
     */
    @Test
    void concurrentGramMatricesFinishAndAgree() throws Exception {
        double[] values = gaussian(4096 * 128, 2);
        double[] expected;
        try (NDManager m = NDManager.newBaseManager()) {
            expected = MXNET.gram(m.create(values, new Shape(4096, 128))).toDoubleArray();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(pool.submit(() -> {
                    boolean same = true;
                    for (int i = 0; i < 40; i++) {
                        try (NDManager m = NDManager.newBaseManager()) {
                            same &= Arrays.equals(MXNET.gram(m.create(values, new Shape(4096, 128))).toDoubleArray(), expected);
                        }
                    }
                    return same;
                }));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertThat(r.get(2, java.util.concurrent.TimeUnit.MINUTES)).as("the same Gram matrix every time").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lowerCongruenceIgnoresTheUpperTriangleOfTheFactorAndMatchesTwoProducts() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 30;
            double[] l = gaussian(n * n, 2);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    l[i * n + j] = 0;
                }
            }
            NDArray lower = m.create(l, new Shape(n, n));
            NDArray a = m.create(gaussian(n * n, 3), new Shape(n, n));
            double[] expected = PORTABLE.lowerCongruence(lower, a).toDoubleArray();
            double[] fast = MXNET.lowerCongruence(lower, a).toDoubleArray();
            for (int i = 0; i < expected.length; i++) {
                assertThat(fast[i]).isCloseTo(expected[i], within(1e-12));
            }
        }
    }

    /** Q diag(λ) Qᵀ with Q a Householder reflection I − 2vvᵀ/vᵀv, row-major. */
    private static double[] symmetricWithSpectrum(double[] lambda, long seed) {
        int n = lambda.length;
        double[] v = gaussian(n, seed);
        double vv = Arrays.stream(v).map(x -> x * x).sum();
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    double qik = (i == k ? 1 : 0) - 2 * v[i] * v[k] / vv;
                    double qjk = (j == k ? 1 : 0) - 2 * v[j] * v[k] / vv;
                    sum += qik * lambda[k] * qjk;
                }
                s[i * n + j] = sum;
            }
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"MXNet", "PyTorch"})
    void eigenvaluesWithoutVectorsAreTheSpectrumInAscendingOrder(String engine) {
        try (NDManager m = Engine.getEngine(engine).newBaseManager()) {
            int n = 50;
            double[] lambda = new double[n];
            for (int i = 0; i < n; i++) {
                lambda[i] = (i - 10) * 0.37;
            }
            NDArray symmetric = m.create(symmetricWithSpectrum(lambda, 4), new Shape(n, n));
            NDArray values = EngineSupport.forEngine(engine).symmetricEigen(symmetric, false).orElseThrow().head();
            assertThat(values.getDataType()).isEqualTo(DataType.FLOAT64);
            double[] computed = values.toDoubleArray();
            assertThat(computed).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(computed[i]).isCloseTo(lambda[i], within(1e-12));
            }
            if (engine.equals("MXNet")) {
                double[] withVectors = MXNET.symmetricEigen(symmetric, true).orElseThrow().head().toDoubleArray();
                for (int i = 0; i < n; i++) {
                    assertThat(withVectors[i]).isCloseTo(lambda[i], within(1e-12));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MXNet", "PyTorch"})
    void choleskyFactorsPositiveDefiniteMatricesAndRefusesIndefiniteOnes(String engine) {
        try (NDManager m = Engine.getEngine(engine).newBaseManager()) {
            int n = 40;
            double[] lambda = new double[n];
            for (int i = 0; i < n; i++) {
                lambda[i] = 0.5 + i;
            }
            double[] s = symmetricWithSpectrum(lambda, 5);
            EngineSupport support = EngineSupport.forEngine(engine);
            double[] l = support.cholesky(m.create(s, new Shape(n, n))).orElseThrow().toDoubleArray();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double product = 0;
                    for (int k = 0; k < n; k++) {
                        product += l[i * n + k] * l[j * n + k];
                    }
                    assertThat(product).as("(L Lᵀ)[%d, %d]", i, j).isCloseTo(s[i * n + j], within(1e-10));
                    if (j > i) {
                        assertThat(l[i * n + j]).as("L is lower triangular").isZero();
                    }
                }
            }
            lambda[7] = -1; // indefinite: the factorization must be refused, not returned partial
            assertThat(support.cholesky(m.create(symmetricWithSpectrum(lambda, 5), new Shape(n, n)))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MXNet", "PyTorch"})
    void lapackIsReachedOnLinux(String engine) {
        // The shortcut must really be in use where it can be (else the benchmark measures MXNet's operator or EJML).
        if (System.getProperty("os.name").toLowerCase().contains("linux")) {
            try (NDManager m = Engine.getEngine(engine).newBaseManager()) {
                assertThat(NativeLapack.symmetricEigenvalues(m.eye(3, 3, 0, DataType.FLOAT64))).hasValueSatisfying(
                        values -> assertThat(values).containsExactly(1, 1, 1));
            }
        }
    }
}
