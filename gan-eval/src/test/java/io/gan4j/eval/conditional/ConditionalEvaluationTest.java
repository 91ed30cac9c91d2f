package io.gan4j.eval.conditional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.eval.fid.FrechetDistance;
import io.gan4j.eval.fid.GaussianStatistics;
import io.gan4j.eval.report.Features;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Class accuracy, classes on request and intra-FID from known features and predictions. */
final class ConditionalEvaluationTest {

    private static final int K = 3;
    private static final int PER_CLASS = 200;
    private static final int D = 4;

    /** Features of class c are Gaussian around (c, c, c, c) + shift; predictions are the given classes. */
    private static Features features(int[] labels, int[] predicted, double shift, long seed) {
        Random random = new Random(seed);
        double[] values = new double[labels.length * D];
        double[][] probabilities = new double[labels.length][K];
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < D; j++) {
                values[i * D + j] = labels[i] + shift + random.nextGaussian();
            }
            probabilities[i][predicted[i]] = 1;
        }
        return new Features(new FeatureMatrix(labels.length, D, values), probabilities);
    }

    private static int[] labels() {
        int[] labels = new int[K * PER_CLASS];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % K;
        }
        return labels;
    }

    @Test
    void countsHitsPerClassAndComputesFidWithinEachClass() {
        int[] labels = labels();
        int[] predicted = labels.clone();
        // Class 2 samples are judged as class 0 three times out of four; class 1 once in ten.
        int seen2 = 0;
        int seen1 = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 2 && seen2++ % 4 != 0) {
                predicted[i] = 0;
            }
            if (labels[i] == 1 && seen1++ % 10 == 0) {
                predicted[i] = 0;
            }
        }
        Features real = features(labels, labels, 0, 1);
        Features fake = features(labels, predicted, 0.5, 2);
        ConditionalReport r = ConditionalEvaluation.measure(real, labels, fake, labels, K);

        assertThat(r.classAccuracy()[0]).isEqualTo(1.0);
        assertThat(r.classAccuracy()[1]).isCloseTo(0.9, within(1e-12));
        assertThat(r.classAccuracy()[2]).isCloseTo(0.25, within(1e-12));
        assertThat(r.accuracy()).isCloseTo((1 + 0.9 + 0.25) / 3, within(1e-12));
        assertThat(r.classesCovered()).isEqualTo(2);
        assertThat(r.perClass()).isEqualTo(PER_CLASS);
        for (int c = 0; c < K; c++) {
            int cls = c;
            int[] classRows = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == cls).toArray();
            double expected = FrechetDistance.compute(GaussianStatistics.of(real.matrix().select(classRows)),
                    GaussianStatistics.of(fake.matrix().select(classRows)));
            assertThat(r.intraFid()[c]).isCloseTo(expected, within(1e-9));
            // The mean shift of 0.5 in 4 dimensions contributes 4 * 0.25 = 1 to each class's FID.
            assertThat(r.intraFid()[c]).isBetween(0.8, 1.5);
        }
        assertThat(r.meanIntraFid()).isCloseTo((r.intraFid()[0] + r.intraFid()[1] + r.intraFid()[2]) / 3, within(1e-12));
    }

    @Test
    void identicalClassFeaturesGiveZeroIntraFid() {
        int[] labels = labels();
        Features real = features(labels, labels, 0, 3);
        ConditionalReport r = ConditionalEvaluation.measure(real, labels, real, labels, K);
        assertThat(r.accuracy()).isEqualTo(1.0);
        assertThat(r.classesCovered()).isEqualTo(K);
        for (double fid : r.intraFid()) {
            assertThat(fid).isCloseTo(0, within(1e-6));
        }
    }
}
