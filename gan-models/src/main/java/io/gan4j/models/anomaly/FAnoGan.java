package io.gan4j.models.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.model.AnomalyScorer;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.Network;
import io.gan4j.core.model.OptimizerGroup;
import io.gan4j.core.model.StepContext;
import io.gan4j.core.model.VariantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code FAnoGan} (Schlegl et al. 2019) in one run of two phases: first a DCGAN (generator and
 * discriminator, the run's loss and regularization) on normal data; then, with both frozen (and in
 * inference mode), an encoder E trained by the izi_f objective ‖x − G(E(x))‖²/n + κ·‖f(x) −
 * f(G(E(x)))‖²/n_f, f being the discriminator's features (its input to the last layer). The anomaly score is the
 * same quantity per sample.
 *
 * <p>The phases split the budget at {@code ganSteps}; a resumed run continues in the phase it
 * stopped in. G and D are DCGAN's, name for name, so a trained {@code dcgan} run of the same width
 * and latent size can supply them ({@code gan train fanogan --init-from RUN -o gan-steps=0}): "a
 * trained GAN, then an encoder", as the paper has it.
 */
final class FAnoGan implements GanVariant {

    static final String ENCODER = "encoder";

    private final AdversarialVariant gan;
    private final Generator generator;
    private final SequentialBlock discriminator;
    private final Block encoder;
    private final Shape shape;
    private final long ganSteps;
    private final float kappa;

    /**
     * Creates the variant.
     *
     * @param ctx data shape, loss and regularization of the GAN phase
     * @param width DCGAN width
     * @param latent size of z
     * @param ganSteps steps of the GAN phase: −1 for half the budget, 0 when G and D come trained (from
     *     another run, {@code gan train --init-from})
     * @param kappa weight of the feature residual
     */
    FAnoGan(VariantContext ctx, int width, int latent, long ganSteps, double kappa) {
        this.shape = ctx.sampleShape();
        this.generator = Generator.of(AnomalyNetworks.decoder(shape, width), new Shape(latent), shape);
        this.discriminator = AnomalyNetworks.discriminator(shape, width);
        this.gan = new AdversarialVariant(generator, Discriminator.of(discriminator, shape), ctx);
        this.encoder = AnomalyNetworks.encoder(shape, width, latent);
        this.ganSteps = ganSteps;
        this.kappa = (float) kappa;
    }

    @Override
    public List<Network> networks() {
        List<Network> networks = new ArrayList<>(gan.networks());
        networks.add(new Network(ENCODER, encoder, List.of(new Shape(1).addAll(shape))));
        return networks;
    }

    @Override
    public List<OptimizerGroup> optimizerGroups() {
        List<OptimizerGroup> groups = new ArrayList<>(gan.optimizerGroups());
        groups.add(new OptimizerGroup(ENCODER, List.of(ENCODER)));
        return groups;
    }

    @Override
    public Optional<Generator> generator() {
        return Optional.of(generator);
    }

    @Override
    public Map<String, Float> trainStep(StepContext ctx) {
        long boundary = ganSteps >= 0 ? ganSteps : ctx.totalSteps() / 2;
        if (ctx.step() < boundary) {
            return gan.trainStep(ctx);
        }
        NDArray x = ctx.nextBatch().get(0);
        float[] parts = new float[2];
        float loss = ctx.minimize(ENCODER, () -> {
            NDArray z = ctx.forward(encoder, x, true);
            // G and D are frozen: their batch norms use running statistics, while gradients still reach E.
            NDArray[] residuals = residuals(x, z, (block, input) -> ctx.forward(block, input, false));
            parts[0] = residuals[0].mean().getFloat();
            parts[1] = residuals[1].mean().getFloat();
            return residuals[0].add(residuals[1].mul(kappa)).mean();
        });
        return Map.of("e_loss", loss, "e_image_residual", parts[0], "e_feature_residual", parts[1]);
    }

    /** Returns the per-sample image and feature residuals of x against G(z), the frozen networks run in inference mode. */
    private NDArray[] residuals(NDArray x, NDArray z, BiFunction<Block, NDArray, NDArray> inference) {
        NDArray reconstruction = inference.apply(generator.block(), z);
        NDArray imageResidual = AnomalyNetworks.meanSquare(x, reconstruction);
        NDArray featureResidual = AnomalyNetworks.meanSquare(AnomalyNetworks.features(discriminator, x, inference),
                AnomalyNetworks.features(discriminator, reconstruction, inference));
        return new NDArray[] {imageResidual, featureResidual};
    }

    @Override
    public Optional<AnomalyScorer> anomalyScorer() {
        return Optional.of(samples -> {
            ParameterStore store = new ParameterStore(samples.getManager(), false);
            BiFunction<Block, NDArray, NDArray> inference =
                    (block, input) -> block.forward(store, new NDList(input), false).singletonOrThrow();
            NDArray[] residuals = residuals(samples, inference.apply(encoder, samples), inference);
            return residuals[0].add(residuals[1].mul(kappa));
        });
    }
}
