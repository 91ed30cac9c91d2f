package io.gan4j.models.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.gan4j.core.loss.AdversarialLoss;
import io.gan4j.core.model.AnomalyScorer;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.Network;
import io.gan4j.core.model.OptimizerGroup;
import io.gan4j.core.model.StepContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code Ganomaly} (Akcay et al. 2018): a generator that encodes an image to z, decodes it to x̂ and
 * encodes that again to ẑ, against a DCGAN discriminator, trained on normal data only.
 *
 * <p>Per step, as the reference {@code lib/model.py}: one generator update on w_adv·‖f(x) − f(x̂)‖²
 * (feature matching on the discriminator's trunk) + w_con·‖x − x̂‖₁ + w_enc·‖z − ẑ‖², means over
 * elements; then one discriminator update on half the loss's discriminator loss (BCE with the default
 * {@code ns}) of x against x̂. The anomaly score is mean (z − ẑ)² per sample. The reference's
 * re-initialization of D when its loss falls below 1e-5 is not done.
 */
final class Ganomaly implements GanVariant {

    static final String ENCODER = "encoder";
    static final String DECODER = "decoder";
    static final String ENCODER_2 = "encoder-2";
    static final String DISCRIMINATOR = "discriminator";
    static final String GENERATOR = "generator";

    private final Block encoder;
    private final Block decoder;
    private final Block encoder2;
    private final SequentialBlock discriminator;
    private final AdversarialLoss loss;
    private final Shape shape;
    private final int latent;
    private final float adversarialWeight;
    private final float contextualWeight;
    private final float encoderWeight;

    Ganomaly(Shape shape, int width, int latent, AdversarialLoss loss, double adversarialWeight, double contextualWeight,
            double encoderWeight) {
        this.shape = shape;
        this.encoder = AnomalyNetworks.encoder(shape, width, latent);
        this.decoder = AnomalyNetworks.decoder(shape, width);
        this.encoder2 = AnomalyNetworks.encoder(shape, width, latent);
        this.discriminator = AnomalyNetworks.discriminator(shape, width);
        this.loss = loss;
        this.adversarialWeight = (float) adversarialWeight;
        this.contextualWeight = (float) contextualWeight;
        this.encoderWeight = (float) encoderWeight;
        this.latent = latent;
    }

    @Override
    public List<Network> networks() {
        List<Shape> image = List.of(new Shape(1).addAll(shape));
        return List.of(new Network(ENCODER, encoder, image), new Network(DECODER, decoder, List.of(new Shape(1, latent))),
                new Network(ENCODER_2, encoder2, image), new Network(DISCRIMINATOR, discriminator, image));
    }

    @Override
    public List<OptimizerGroup> optimizerGroups() {
        return List.of(new OptimizerGroup(GENERATOR, List.of(ENCODER, DECODER, ENCODER_2)),
                new OptimizerGroup(DISCRIMINATOR, List.of(DISCRIMINATOR)));
    }

    @Override
    public Map<String, Float> trainStep(StepContext ctx) {
        NDArray x = ctx.nextBatch().get(0);
        NDArray[] reconstruction = new NDArray[1];
        float[] parts = new float[3];
        float gLoss = ctx.minimize(GENERATOR, () -> {
            NDArray z = ctx.forward(encoder, x, true);
            NDArray xHat = ctx.forward(decoder, z, true);
            NDArray zHat = ctx.forward(encoder2, xHat, true);
            reconstruction[0] = xHat;
            BiFunction<Block, NDArray, NDArray> training = (block, input) -> ctx.forward(block, input, true);
            NDArray adversarial = AnomalyNetworks.features(discriminator, x, training)
                    .sub(AnomalyNetworks.features(discriminator, xHat, training)).square().mean();
            NDArray contextual = x.sub(xHat).abs().mean();
            NDArray latentError = z.sub(zHat).square().mean();
            parts[0] = adversarial.getFloat();
            parts[1] = contextual.getFloat();
            parts[2] = latentError.getFloat();
            return adversarial.mul(adversarialWeight).add(contextual.mul(contextualWeight)).add(latentError.mul(encoderWeight));
        });
        NDArray fake = reconstruction[0].stopGradient();
        float dLoss = ctx.minimize(DISCRIMINATOR, () -> loss.discriminatorLoss(ctx.forward(discriminator, x, true),
                ctx.forward(discriminator, fake, true)).mul(0.5f));
        return Map.of("d_loss", dLoss, "g_loss", gLoss, "g_adversarial", parts[0], "g_contextual", parts[1], "g_encoder", parts[2]);
    }

    @Override
    public Optional<AnomalyScorer> anomalyScorer() {
        return Optional.of(samples -> {
            ParameterStore store = new ParameterStore(samples.getManager(), false);
            NDArray z = encoder.forward(store, new NDList(samples), false).singletonOrThrow();
            NDArray xHat = decoder.forward(store, new NDList(z), false).singletonOrThrow();
            NDArray zHat = encoder2.forward(store, new NDList(xHat), false).singletonOrThrow();
            return AnomalyNetworks.meanSquare(z, zHat);
        });
    }
}
