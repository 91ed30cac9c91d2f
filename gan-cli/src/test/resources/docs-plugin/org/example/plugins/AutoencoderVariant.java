package org.example.plugins;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.Network;
import io.gan4j.core.model.OptimizerGroup;
import io.gan4j.core.model.StepContext;
import io.gan4j.core.model.VariantContext;
import java.util.List;
import java.util.Map;

/**
 * A variant that writes its own training step: it declares its networks and which optimizer updates
 * them; gan4j initializes, checkpoints and restores both, so the run resumes exactly. It applies none of
 * the optional training features ({@code honours()} stays empty), so a run asking for one is refused.
 */
public final class AutoencoderVariant implements GanVariantFactory {

    @Override
    public String name() {
        return "tiny-autoencoder";
    }

    @Override
    public String description() {
        return "an MLP autoencoder with its own training step (docs example)";
    }

    @Override
    public boolean takesUpdateCounts() {
        return false;  // one update per step; --d-steps/--g-steps are refused
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        int width = (int) ctx.sampleShape().size();
        SequentialBlock net = new SequentialBlock()
                .add(Linear.builder().setUnits(16).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(width).build());
        return new GanVariant() {
            @Override
            public List<Network> networks() {
                return List.of(new Network("autoencoder", net, List.of(ctx.sampleShape())));
            }

            @Override
            public List<OptimizerGroup> optimizerGroups() {
                return List.of(new OptimizerGroup("autoencoder", List.of("autoencoder")));
            }

            @Override
            public Map<String, Float> trainStep(StepContext step) {
                NDArray x = step.nextBatch().get(0);
                float loss = step.minimize("autoencoder", () -> step.forward(net, x, true).sub(x).square().mean());
                return Map.of("reconstruction", loss);
            }
        };
    }
}
