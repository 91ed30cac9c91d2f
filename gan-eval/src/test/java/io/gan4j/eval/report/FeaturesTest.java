package io.gan4j.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.eval.modes.StackedMnistModes;
import org.junit.jupiter.api.Test;

class FeaturesTest {

    private static Features of(double[][] probabilities) {
        return new Features(new FeatureMatrix(probabilities.length, 1, new double[probabilities.length]), probabilities);
    }

    @Test
    void predictedClassesAreTheMostProbableOnes() {
        assertThat(of(new double[][] {{0.2, 0.7, 0.1}, {0.5, 0.2, 0.3}, {0.1, 0.1, 0.8}}).predictedClasses()).containsExactly(1, 0, 2);
    }

    @Test
    void ambiguousCountsTheReadingsBelowTheThreshold() {
        Features f = of(new double[][] {{0.95, 0.05}, {0.5, 0.5}, {0.1, 0.9}, {0.89, 0.11}});
        // 0.9 itself is sure (the threshold is the float 0.9f, just below 0.9); 0.5 and 0.89 are not.
        assertThat(f.ambiguous(StackedMnistModes.SURE)).isEqualTo(0.5);
        assertThat(f.ambiguous(0.99)).isEqualTo(1.0);
        assertThat(f.ambiguous(0.5)).isZero();
    }
}
