package io.gan4j.eval.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class ClassifierScoreTest {

    @Test
    void confidentAndBalancedPredictionsScoreTheClassCount() {
        double[][] p = new double[200][10];
        for (int i = 0; i < p.length; i++) {
            p[i][i % 10] = 1;
        }
        ClassifierScore.Result r = ClassifierScore.compute(p, 10);
        assertThat(r.mean()).isCloseTo(10, within(1e-9));
        assertThat(r.std()).isCloseTo(0, within(1e-9));
    }

    @Test
    void oneClassOrUninformativePredictionsScoreOne() {
        double[][] collapsed = new double[100][10];
        double[][] uniform = new double[100][10];
        for (int i = 0; i < 100; i++) {
            collapsed[i][3] = 1;
            java.util.Arrays.fill(uniform[i], 0.1);
        }
        assertThat(ClassifierScore.compute(collapsed, 10).mean()).isCloseTo(1, within(1e-12));
        assertThat(ClassifierScore.compute(uniform, 10).mean()).isCloseTo(1, within(1e-12));
    }

    @Test
    void twoEqualClassesScoreTwo() {
        double[][] p = new double[40][4];
        for (int i = 0; i < 40; i++) {
            p[i][i % 2] = 1;
        }
        assertThat(ClassifierScore.compute(p, 1).mean()).isCloseTo(2, within(1e-12));
    }
}
