package io.gan4j.models.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.gan4j.core.model.AnomalyScorer;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.Network;
import io.gan4j.core.model.OptimizerGroup;
import io.gan4j.core.model.StepContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Autoencoder} is the baseline the anomaly GANs must beat: the same DCGAN-shaped encoder and
 * decoder as GANomaly's first half, trained on normal data by mean squared reconstruction error,
 * which is also its anomaly score.
 */
final class Autoencoder implements GanVariant {

    static final String ENCODER = "encoder";
    static final String DECODER = "decoder";
    static final String GROUP = "autoencoder";

    private final Block encoder;
    private final Block decoder;
    private final Shape shape;
    private final int latent;

    Autoencoder(Shape shape, int width, int latent) {
        this.shape = shape;
        this.latent = latent;
        this.encoder = AnomalyNetworks.encoder(shape, width, latent);
        this.decoder = AnomalyNetworks.decoder(shape, width);
    }

    @Override
    public List<Network> networks() {
        return List.of(new Network(ENCODER, encoder, List.of(new Shape(1).addAll(shape))),
                new Network(DECODER, decoder, List.of(new Shape(1, latent))));
    }

    @Override
    public List<OptimizerGroup> optimizerGroups() {
        return List.of(new OptimizerGroup(GROUP, List.of(ENCODER, DECODER)));
    }

    @Override
    public Map<String, Float> trainStep(StepContext ctx) {
        NDArray x = ctx.nextBatch().get(0);
        float loss = ctx.minimize(GROUP, () -> x.sub(ctx.forward(decoder, ctx.forward(encoder, x, true), true)).square().mean());
        return Map.of("reconstruction_mse", loss);
    }

    @Override
    public Optional<AnomalyScorer> anomalyScorer() {
        return Optional.of(samples -> {
            ParameterStore store = new ParameterStore(samples.getManager(), false);
            NDArray z = encoder.forward(store, new NDList(samples), false).singletonOrThrow();
            return AnomalyNetworks.meanSquare(samples, decoder.forward(store, new NDList(z), false).singletonOrThrow());
        });
    }
}
