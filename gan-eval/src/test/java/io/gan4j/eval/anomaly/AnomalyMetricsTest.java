package io.gan4j.eval.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** AUROC/AUPRC against scikit-learn's values, thresholds, and the PCA baseline on data with a known subspace. */
final class AnomalyMetricsTest {

    /** sklearn.metrics: roc_auc_score([0,0,1,1], [0.1,0.4,0.35,0.8]) = 0.75, average_precision_score = 0.8333. */
    @Test
    void matchScikitLearnOnItsDocumentedExample() {
        boolean[] y = {false, false, true, true};
        double[] s = {0.1, 0.4, 0.35, 0.8};
        assertThat(AnomalyMetrics.auroc(y, s)).isCloseTo(0.75, within(1e-12));
        assertThat(AnomalyMetrics.auprc(y, s)).isCloseTo(0.8333333333, within(1e-9));
        // A perfect ranking, and one reversed.
        assertThat(AnomalyMetrics.auroc(y, new double[] {0, 1, 2, 3})).isEqualTo(1.0);
        assertThat(AnomalyMetrics.auroc(y, new double[] {3, 2, 1, 0})).isEqualTo(0.0);
        // Ties count one half (sklearn: roc_auc_score([0,1,0,1], [.5,.5,.5,.5]) = 0.5).
        assertThat(AnomalyMetrics.auroc(new boolean[] {false, true, false, true}, new double[] {0.5, 0.5, 0.5, 0.5})).isEqualTo(0.5);
        assertThatThrownBy(() -> AnomalyMetrics.auroc(new boolean[] {true, true}, new double[] {1, 2}))
                .hasMessage("ranking metrics need both normal and anomalous samples");
    }

    @Test
    void thresholdFlagsAtMostTheTargetFractionOfValidationScores() {
        double[] normal = new double[100];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = i;
        }
        double t = AnomalyMetrics.thresholdAtFalsePositiveRate(normal, 0.05);
        assertThat(java.util.Arrays.stream(normal).filter(v -> v > t).count()).isEqualTo(5);
        assertThat(AnomalyMetrics.thresholdAtFalsePositiveRate(normal, 0)).isEqualTo(99);
        assertThatThrownBy(() -> AnomalyMetrics.thresholdAtFalsePositiveRate(normal, 1)).hasMessageContaining("[0, 1)");
    }

    /** Normal data lie on a plane in 3-D: PCA keeps two components and scores off-plane points only. */
    @Test
    void pcaScoresTheDistanceFromTheNormalSubspace() {
        Random random = new Random(3);
        float[][] normal = new float[500][];
        for (int i = 0; i < normal.length; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            normal[i] = new float[] {(float) (a + 1), (float) (b - 2), (float) (a + b)};
        }
        PcaDetector pca = PcaDetector.fit(rows(normal), 0.999);
        assertThat(pca.components()).isEqualTo(2);
        double[] scores = pca.score(rows(new float[][] {{1, -2, 0}, {3, 0, 4}, {1, -2, 3}}));
        assertThat(scores[0]).isCloseTo(0, within(1e-9));
        assertThat(scores[1]).isCloseTo(0, within(1e-9));
        // (0, 0, 3) off the plane x3 = (x1 − 1) + (x2 + 2): its residual along the normal (−1, −1, 1)/√3 is 3/√3, squared 3, over 3 values.
        assertThat(scores[2]).isCloseTo(1.0, within(1e-6));
    }

    private static Dataset rows(float[][] rows) {
        return new Dataset() {
            @Override
            public String description() {
                return "rows";
            }

            @Override
            public int size() {
                return rows.length;
            }

            @Override
            public Shape sampleShape() {
                return new Shape(3);
            }

            @Override
            public int numClasses() {
                return 0;
            }

            @Override
            public void read(int index, float[] into, int offset) {
                System.arraycopy(rows[index], 0, into, offset, 3);
            }
        };
    }
}
