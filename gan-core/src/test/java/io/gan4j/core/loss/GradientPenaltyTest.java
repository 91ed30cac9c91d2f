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
import io.gan4j.core.engine.EngineCapability;
import io.gan4j.core.spi.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gradient penalties on PyTorch against closed forms and finite differences; MXNet refuses them. */
final class GradientPenaltyTest {

    private static final double LAMBDA = 10;

    private static NDManager pytorch() {
        return Engine.getEngine("PyTorch").newBaseManager();
    }

    private static Critic critic(Block block) {
        return new Critic(block, NDList::new);
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
            return GradientPenalty.towardsUnitNorm(critic(block), points, LAMBDA).getDouble();
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
            // As a training step does it on accumulating engines: penalty, zero the gradients, backward.
            try (NDManager scope = m.newSubManager(); GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray gp = GradientPenalty.towardsUnitNorm(critic(block), points, LAMBDA);
                for (Parameter p : parameters) {
                    NDArray grad = p.getArray().getGradient();
                    grad.subi(grad);
                }
                gc.backward(gp);
            }
            // The last bias gets no gradient at all (it does not change ∇ₓD): the engine reports float32 zeros.
            List<double[]> gradients = parameters.stream()
                    .map(p -> p.getArray().getGradient().toType(DataType.FLOAT64, false).toDoubleArray()).toList();
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
                r1 = GradientPenalty.squaredNorm(critic(linear), points, 10).getDouble();
            }
            assertThat(r1).isCloseTo(5 * (w[0] * w[0] + w[1] * w[1]), within(1e-9));
        }
    }

    @Test
    void pluginPenaltiesHaveTheirClosedFormsOnALinearCritic() {
        try (NDManager m = pytorch()) {
            Block linear = Linear.builder().setUnits(1).build();
            linear.initialize(m, DataType.FLOAT64, new Shape(6, 3));
            double[] w = linear.getParameters().get("weight").getArray().toDoubleArray();
            double squared = w[0] * w[0] + w[1] * w[1] + w[2] * w[2];
            NDArray real = m.randomNormal(new Shape(6, 3), DataType.FLOAT64);
            NDArray fake = m.randomNormal(new Shape(6, 3), DataType.FLOAT64).add(2);
            Map<String, Double> expected = Map.of(
                    "wgan-gp", 3 * Math.pow(Math.sqrt(squared) - 1, 2),
                    "dragan", 3 * Math.pow(Math.sqrt(squared) - 1, 2),
                    "r1", 1.5 * squared);
            for (PenaltyFactory factory : StandardPenalties.factories()) {
                DiscriminatorPenalty penalty = factory.create(Options.resolve(factory.name(), factory.options(), Map.of("weight", "3")));
                double value;
                try (NDManager scope = m.newSubManager(); GradientCollector gc = m.getEngine().newGradientCollector()) {
                    value = penalty.penalty(critic(linear), real, fake,
                            shape -> scope.randomUniform(0, 1, shape, DataType.FLOAT64)).getDouble();
                }
                assertThat(value).as(factory.name()).isCloseTo(expected.get(factory.name()), within(1e-9));
                assertThat(factory.requires()).containsExactly(EngineCapability.HIGHER_ORDER_GRADIENTS);
            }
        }
    }

    /**
     * The input gradient comes from autograd.grad (TorchScript), which stores no .grad: a backward
     * with create-graph did, and the stored gradient's graph referred back to its own tensor, a cycle
     * PyTorch never frees (3.7 MB per step here; 8.1 MB before the critic's parameters were taken out
     * of it). Now RSS stays flat.
     */
    @Test
    void penaltyStepsKeepNativeMemoryFlat() throws Exception {
        try (NDManager m = pytorch()) {
            Block linear = Linear.builder().setUnits(1000).build();
            linear.initialize(m, DataType.FLOAT32, new Shape(8, 1000));
            Block tanh = new SequentialBlock().add(linear).add(Activation.tanhBlock());
            long before = 0;
            for (int step = 0; step < 150; step++) {
                try (NDManager scope = m.newSubManager(); GradientCollector gc = m.getEngine().newGradientCollector()) {
                    gc.backward(GradientPenalty.towardsUnitNorm(critic(tanh), scope.randomNormal(new Shape(8, 1000)), LAMBDA));
                }
                if (step == 49) {
                    before = residentKilobytes();
                }
            }
            long growth = residentKilobytes() - before;
            assertThat(growth).as("RSS growth over 100 penalty steps, kB").isLessThan(40_000);
        }
    }

    private static long residentKilobytes() throws java.io.IOException {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }

    @Test
    void mxnetRefusesAndNamesTheEngineThatCan() {
        try (NDManager m = Engine.getEngine("MXNet").newBaseManager()) {
            Block linear = Linear.builder().setUnits(1).build();
            linear.initialize(m, DataType.FLOAT32, new Shape(2, 2));
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                assertThatThrownBy(() -> GradientPenalty.towardsUnitNorm(critic(linear), m.ones(new Shape(2, 2)), 10))
                        .isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("engine MXNet has no usable higher-order gradients")
                        .hasMessageContaining("--engine pytorch");
            }
        }
    }
}
