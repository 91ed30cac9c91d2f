package org.example.customstep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.gan4j.core.loss.FixedLossFactory;
import io.gan4j.core.loss.LossFactory;
import io.gan4j.core.loss.StandardLoss;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.Network;
import io.gan4j.core.model.OptimizerGroup;
import io.gan4j.core.model.StepContext;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.plugin.GanPlugin;
import java.util.List;
import java.util.Map;

/**
 * A third-party variant that writes its own training step (a linear autoencoder) and declares no
 * training features, and a third-party loss (least squares under another name).
 */
public final class CustomStepPlugin implements GanPlugin {

    @Override
    public List<LossFactory> losses() {
        return List.of(new FixedLossFactory("external-lsgan", "least squares (external test plugin)", StandardLoss.LEAST_SQUARES));
    }

    @Override
    public List<GanVariantFactory> variants() {
        return List.of(new GanVariantFactory() {
            @Override
            public String name() {
                return "custom-step";
            }

            @Override
            public String description() {
                return "a linear autoencoder with its own step (external test plugin)";
            }

            @Override
            public GanVariant create(VariantContext ctx) {
                SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(ctx.sampleShape().get(0)).build());
                return new GanVariant() {
                    @Override
                    public List<Network> networks() {
                        return List.of(new Network("net", net, List.of(ctx.sampleShape())));
                    }

                    @Override
                    public List<OptimizerGroup> optimizerGroups() {
                        return List.of(new OptimizerGroup("net", List.of("net")));
                    }

                    @Override
                    public Map<String, Float> trainStep(StepContext step) {
                        NDArray x = step.nextBatch().get(0);
                        float loss = step.minimize("net", () -> step.forward(net, x, true).sub(x).square().mean());
                        return Map.of("loss", loss);
                    }
                };
            }
        });
    }
}
