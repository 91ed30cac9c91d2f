package io.gan4j.eval.fid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gan4j.core.engine.EngineSupport;
import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.eval.npy.Npy;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Agreement with pytorch-fid's formula (scipy sqrtm, float64) on fixtures made by the reference script. */
final class FrechetDistanceTest {

    @TempDir
    Path tmp;

    private static FeatureMatrix fixture(String name) throws Exception {
        return Npy.read(Path.of(FrechetDistanceTest.class.getResource("/fid/" + name).toURI()));
    }

    private static double fid(String a, String b) throws Exception {
        return FrechetDistance.compute(GaussianStatistics.of(fixture(a)), GaussianStatistics.of(fixture(b)));
    }

    /** The engine's LAPACK path (MXNet) and the portable EJML path must both match the reference. */
    @ParameterizedTest
    @CsvSource({"full_a.npy, full_b.npy, 0.2013309937", "singular_a.npy, singular_b.npy, 14.73839922"})
    void matchesTheReferenceOnBothLinearAlgebraPaths(String a, String b, double reference) throws Exception {
        GaussianStatistics sa = GaussianStatistics.of(fixture(a));
        GaussianStatistics sb = GaussianStatistics.of(fixture(b));
        double engine = FrechetDistance.compute(sa, sb, EngineSupport.forEngine("MXNet"));
        double portable = FrechetDistance.compute(sa, sb, EngineSupport.forEngine("no-lapack-engine"));
        assertThat(Math.abs(engine - reference) / reference).as("engine path").isLessThan(1e-6);
        assertThat(Math.abs(portable - reference) / reference).as("portable path").isLessThan(1e-6);
    }

    @Test
    void isZeroForIdenticalSetsAndSymmetric() throws Exception {
        assertThat(fid("full_a.npy", "full_a.npy")).isCloseTo(0.0, within(1e-9));
        assertThat(fid("full_b.npy", "full_a.npy")).isCloseTo(fid("full_a.npy", "full_b.npy"), within(1e-9));
    }

    @Test
    void equalsTheClosedFormForDiagonalGaussians() {
        // Independent coordinates: FID = Σ (μ1−μ2)² + Σ (σ1 − σ2)², checked on the exact statistics.
        double[] mu1 = {0, 1, 2};
        double[] mu2 = {1, 1, 0};
        double[] var1 = {1, 4, 0.25};
        double[] var2 = {4, 1, 0.25};
        double expected = 1 + 0 + 4 + Math.pow(1 - 2, 2) + Math.pow(2 - 1, 2) + 0;
        assertThat(FrechetDistance.compute(diagonal(mu1, var1), diagonal(mu2, var2))).isCloseTo(expected, within(1e-12));
    }

    private static GaussianStatistics diagonal(double[] mu, double[] var) {
        org.ejml.data.DMatrixRMaj c = new org.ejml.data.DMatrixRMaj(mu.length, mu.length);
        for (int i = 0; i < mu.length; i++) {
            c.set(i, i, var[i]);
        }
        return new GaussianStatistics(100, mu, c);
    }

    @Test
    void statisticsAreNumpysMeanAndUnbiasedCovariance() {
        FeatureMatrix x = new FeatureMatrix(3, 2, new double[] {1, 2, 3, 5, 5, 11});
        GaussianStatistics s = GaussianStatistics.of(x);
        assertThat(s.mean()).containsExactly(3, 6);
        // np.cov([[1,2],[3,5],[5,11]], rowvar=False) = [[4, 9], [9, 21]]
        assertThat(s.covariance().get(0, 0)).isCloseTo(4, within(1e-12));
        assertThat(s.covariance().get(0, 1)).isCloseTo(9, within(1e-12));
        assertThat(s.covariance().get(1, 1)).isCloseTo(21, within(1e-12));
        assertThatThrownBy(() -> GaussianStatistics.of(new FeatureMatrix(1, 2, new double[] {1, 2})))
                .hasMessageContaining("at least 2 samples");
    }

    @Test
    void statisticsAndMatricesRoundTripThroughNumpyFormats() throws Exception {
        Random r = new Random(4);
        double[] v = new double[50 * 7];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        FeatureMatrix m = new FeatureMatrix(50, 7, v);
        Npy.write(tmp.resolve("m.npy"), m);
        assertThat(Npy.read(tmp.resolve("m.npy")).values()).containsExactly(v);
        GaussianStatistics s = GaussianStatistics.of(m);
        s.save(tmp.resolve("stats.npz"));
        GaussianStatistics loaded = GaussianStatistics.load(tmp.resolve("stats.npz"), 50);
        assertThat(loaded.mean()).containsExactly(s.mean());
        assertThat(loaded.covariance().data).containsExactly(s.covariance().data);
        assertThatThrownBy(() -> Npy.read(tmp.resolve("none.npy"))).hasMessage("file not found: " + tmp.resolve("none.npy"));
        assertThatThrownBy(() -> GaussianStatistics.load(tmp.resolve("m.npy"), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
