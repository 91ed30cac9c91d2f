package io.gan4j.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Gradient penalties on PyTorch against closed forms and finite differences; MXNet refuses them. */
final class GradientPenaltyTest {

    private static final double LAMBDA = 10;

    private static NDManager pytorch() {
        return Engine.getEngine("PyTorch").newBaseManager();
    }

    private static UnaryOperator<NDArray> critic(Block block, NDManager m) {
        ParameterStore store = new ParameterStore(m, false);
        return x -> block.forward(store, new NDList(x), true).singletonOrThrow();
    }

    private static Block mlp(NDManager m) {
        Block block = new SequentialBlock().add(Linear.builder().setUnits(4).build()).add(Activation.tanhBlock())
                .add(Linear.builder().setUnits(1).build());
        block.initialize(m, DataType.FLOAT64, new Shape(5, 3));
        return block;
    }

    /** The penalty's value, computed as training computes it (gradients recorded). */
    private static double value(Block block, NDManager m, NDArray points) {
        try (NDManager scope = m.newSubManager(); GradientCollector gc = m.getEngine().newGradientCollector()) {
            return GradientPenalty.towardsUnitNorm(critic(block, scope), points, LAMBDA).getDouble();
        }
    }

    @Test
    void linearCriticsHaveTheClosedFormPenalty() {
        try (NDManager m = pytorch()) {
            Block linear = Linear.builder().setUnits(1).build();
            linear.initialize(m, DataType.FLOAT64, new Shape(5, 3));
            double[] w = linear.getParameters().get("weight").getArray().toDoubleArray();
            double norm = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
            NDArray points = m.randomNormal(new Shape(5, 3), DataType.FLOAT64);
            assertThat(value(linear, m, points)).isCloseTo(LAMBDA * (norm - 1) * (norm - 1), within(1e-9));
        }
    }

    @Test
    void parameterGradientsOfThePenaltyMatchFiniteDifferences() {
        try (NDManager m = pytorch()) {
            Block block = mlp(m);
            NDArray real = m.randomNormal(new Shape(5, 3), DataType.FLOAT64);
            NDArray fake = m.randomNormal(new Shape(5, 3), DataType.FLOAT64).add(1);
            NDArray points = GradientPenalty.interpolate(real, fake, m.randomUniform(0, 1, new Shape(5), DataType.FLOAT64));
            List<Parameter> parameters = block.getParameters().values();
            // As a training step does it: penalty (its inner backward leaves gradients behind), zero, backward.
            try (NDManager scope = m.newSubManager(); GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray gp = GradientPenalty.towardsUnitNorm(critic(block, scope), points, LAMBDA);
                for (Parameter p : parameters) {
                    NDArray grad = p.getArray().getGradient();
                    grad.subi(grad);
                }
                gc.backward(gp);
            }
            // Read every gradient first: each penalty evaluation below leaves gradients behind again.
            List<double[]> gradients = parameters.stream().map(p -> p.getArray().getGradient().toDoubleArray()).toList();
            double h = 1e-6;
            int checked = 0;
            for (int k = 0; k < parameters.size(); k++) {
                Parameter p = parameters.get(k);
                double[] analytic = gradients.get(k);
                double[] theta = p.getArray().toDoubleArray();
                for (int i = 0; i < theta.length; i++) {
                    double[] shifted = theta.clone();
                    shifted[i] = theta[i] + h;
                    p.getArray().set(shifted);
                    double up = value(block, m, points);
                    shifted[i] = theta[i] - h;
                    p.getArray().set(shifted);
                    double down = value(block, m, points);
                    p.getArray().set(theta);
                    assertThat(analytic[i]).as(p.getName() + "[" + i + "]").isCloseTo((up - down) / (2 * h), within(1e-5 * (1 + Math.abs(analytic[i]))));
                    checked++;
                }
            }
            // 3·4 + 4 + 4 + 1 parameters; the last bias gets exactly zero (it does not change ∇ₓD).
            assertThat(checked).isEqualTo(21);
        }
    }

    @Test
    void r1IsHalfGammaTimesTheSquaredGradientNorm() {
        try (NDManager m = pytorch()) {
            Block linear = Linear.builder().setUnits(1).build();
            linear.initialize(m, DataType.FLOAT64, new Shape(4, 2));
            double[] w = linear.getParameters().get("weight").getArray().toDoubleArray();
            NDArray points = m.randomNormal(new Shape(4, 2), DataType.FLOAT64);
            double r1;
            try (NDManager scope = m.newSubManager(); GradientCollector gc = m.getEngine().newGradientCollector()) {
                r1 = GradientPenalty.squaredNorm(critic(linear, scope), points, 10).getDouble();
            }
            assertThat(r1).isCloseTo(5 * (w[0] * w[0] + w[1] * w[1]), within(1e-9));
        }
    }

    @Test
    void mxnetRefusesAndNamesTheEngineThatCan() {
        try (NDManager m = Engine.getEngine("MXNet").newBaseManager()) {
            Block linear = Linear.builder().setUnits(1).build();
            linear.initialize(m, DataType.FLOAT32, new Shape(2, 2));
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                assertThatThrownBy(() -> GradientPenalty.towardsUnitNorm(critic(linear, m), m.ones(new Shape(2, 2)), 10))
                        .isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("engine MXNet has no usable higher-order gradients")
                        .hasMessageContaining("--engine pytorch");
            }
        }
    }
}
