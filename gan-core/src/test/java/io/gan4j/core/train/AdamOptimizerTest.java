package io.gan4j.core.train;

import io.gan4j.core.config.AdamConfig;
import io.gan4j.core.config.TrainingConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class AdamOptimizerTest {

    @Test
    void followsAdamWithBiasCorrectionOverSeveralSteps() {
        AdamConfig cfg = new AdamConfig(0.1, 0.5, 0.999, 1e-8);
        double[][] grads = {{0.5, -1.0}, {2.0, 0.25}, {-1.0, 1.0}};
        // A schedule's factor scales the step (and nothing else of Adam's state).
        double[] scales = {1, 0.5, 0.25};
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optShape(new Shape(2)).build();
            p.setInitializer(new ConstantInitializer(1f));
            p.initialize(manager, DataType.FLOAT32);
            AdamOptimizer adam = new AdamOptimizer("g", Map.of("w", p), cfg, manager);
            double[] w = {1, 1};
            double[] m = new double[2];
            double[] v = new double[2];
            for (int t = 1; t <= grads.length; t++) {
                NDArray g = manager.create(new float[] {(float) grads[t - 1][0], (float) grads[t - 1][1]});
                try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                    gc.backward(p.getArray().mul(g).sum());
                }
                adam.step(scales[t - 1]);
                for (int i = 0; i < 2; i++) {
                    m[i] = cfg.beta1() * m[i] + (1 - cfg.beta1()) * grads[t - 1][i];
                    v[i] = cfg.beta2() * v[i] + (1 - cfg.beta2()) * grads[t - 1][i] * grads[t - 1][i];
                    double mHat = m[i] / (1 - Math.pow(cfg.beta1(), t));
                    double vHat = v[i] / (1 - Math.pow(cfg.beta2(), t));
                    w[i] -= cfg.learningRate() * scales[t - 1] * mHat / (Math.sqrt(vHat) + cfg.epsilon());
                }
                float[] actual = p.getArray().toFloatArray();
                assertThat((double) actual[0]).isCloseTo(w[0], within(1e-5));
                assertThat((double) actual[1]).isCloseTo(w[1], within(1e-5));
            }
            assertThat(adam.updates()).isEqualTo(3);
            assertThat(adam.state()).containsOnlyKeys("w/m", "w/v");
            assertThat((double) adam.state().get("w/m").toFloatArray()[0]).isCloseTo(m[0], within(1e-6));
            assertThat((double) adam.state().get("w/v").toFloatArray()[1]).isCloseTo(v[1], within(1e-6));
        }
    }

    /** CycleGAN's rule per epoch e: 1 − max(0, e + 1 − n) / (n_decay + 1); here per step. */
    @Test
    void learningRatesDecayLinearlyOverTheLastStepsAsCycleGanDoesPerEpoch() {
        TrainingConfig config = TrainingConfig.defaults(10, 8, 0).withDecaySteps(4);
        double[] expected = {1, 1, 1, 1, 1, 1, 0.8, 0.6, 0.4, 0.2};
        for (int step = 0; step < 10; step++) {
            assertThat(config.learningRateScale(step)).as("step %d", step).isCloseTo(expected[step], within(1e-12));
            int n = 6;
            assertThat(config.learningRateScale(step)).isCloseTo(1 - Math.max(0, step + 1 - n) / 5.0, within(1e-12));
        }
        assertThat(TrainingConfig.defaults(10, 8, 0).learningRateScale(9)).isEqualTo(1);
        assertThat(config.withSteps(3).decaySteps()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainingConfig.defaults(10, 8, 0).withDecaySteps(11))
                .hasMessage("learning-rate decay steps must be in [0, steps=10], was 11");
    }
}
