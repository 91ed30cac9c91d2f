package io.gan4j.eval.fid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gan4j.core.features.FeatureMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Batched and merged moments against numpy's two-pass definition, computed here naively in float64. */
final class FeatureMomentsTest {

    /** Features far from zero with unequal scales: the case where one-pass sums of squares lose digits. */
    private static FeatureMatrix features(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[] v = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            double shared = r.nextGaussian();
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = 1e3 * (j + 1) + (j + 1) * r.nextGaussian() + shared;
            }
        }
        return new FeatureMatrix(rows, cols, v);
    }

    /** np.mean(x, 0) and np.cov(x, rowvar=False), two passes. */
    private static double[][] twoPass(FeatureMatrix x) {
        int n = x.rows();
        int d = x.cols();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x.get(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] cov = new double[d * d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a * d + b] += (x.get(i, a) - mean[a]) * (x.get(i, b) - mean[b]);
                }
            }
        }
        for (int k = 0; k < cov.length; k++) {
            cov[k] /= n - 1;
        }
        return new double[][] {mean, cov};
    }

    private static void assertMatches(GaussianStatistics s, double[][] expected) {
        for (int j = 0; j < expected[0].length; j++) {
            assertThat(Math.abs(s.mean()[j] - expected[0][j]) / Math.abs(expected[0][j])).as("mean %d", j).isLessThan(1e-14);
        }
        double scale = 0;
        for (double c : expected[1]) {
            scale = Math.max(scale, Math.abs(c));
        }
        for (int k = 0; k < expected[1].length; k++) {
            assertThat(Math.abs(s.covariance().data[k] - expected[1][k]) / scale).as("covariance %d", k).isLessThan(1e-12);
        }
    }

    @Test
    void batchesOfTheEngineAgreeWithTheTwoPassDefinition() {
        // More rows than one engine batch, and a remainder batch.
        FeatureMatrix x = features(FeatureMoments.BATCH_ROWS * 2 + 37, 6, 1);
        FeatureMoments moments = FeatureMoments.of(x);
        assertThat(moments.count()).isEqualTo(x.rows());
        assertMatches(moments.statistics(), twoPass(x));
    }

    @Test
    void partsMergedInAnyGroupingGiveTheWholeSetsStatistics() {
        FeatureMatrix x = features(1000, 5, 2);
        double[][] expected = twoPass(x);
        for (int parts : new int[] {1, 2, 3, 7}) {
            FeatureMoments merged = new FeatureMoments(5);
            int from = 0;
            for (int p = 0; p < parts; p++) {
                int to = x.rows() * (p + 1) / parts;
                merged.merge(FeatureMoments.of(x.slice(from, to)));
                from = to;
            }
            assertThat(merged.count()).isEqualTo(1000);
            assertMatches(merged.statistics(), expected);
        }
        // Adding to existing moments is the same as merging.
        assertMatches(FeatureMoments.of(x.slice(0, 400)).add(x.slice(400, 1000)).statistics(), expected);
    }

    @Test
    void momentsRoundTripThroughTheirParts() {
        FeatureMoments m = FeatureMoments.of(features(50, 3, 3));
        FeatureMoments copy = FeatureMoments.of(m.count(), m.mean(), m.comoment());
        assertThat(copy.statistics().covariance().data).containsExactly(m.statistics().covariance().data);
        assertThat(copy.mean()).containsExactly(m.mean());
        FeatureMoments empty = new FeatureMoments(3).merge(new FeatureMoments(3));
        assertThat(empty.count()).isZero();
        assertThat(empty.merge(m).comoment()).containsExactly(m.comoment());
    }

    @Test
    void mismatchesAreRefusedWithTheirSizes() {
        assertThatThrownBy(() -> new FeatureMoments(3).merge(new FeatureMoments(4))).hasMessage("cannot merge moments of dimension 4 into 3");
        assertThatThrownBy(() -> new FeatureMoments(3).add(features(5, 2, 0))).hasMessage("features have 2 columns, the moments 3");
        assertThatThrownBy(() -> FeatureMoments.of(5, new double[2], new double[3])).hasMessageContaining("needs 4 values, got 3");
        assertThatThrownBy(() -> new FeatureMoments(2).statistics()).hasMessage("statistics need at least 2 samples, got 0");
    }
}
