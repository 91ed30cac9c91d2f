package io.gan4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.loss.AdversarialLoss;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code AdversarialVariant} trains one generator against one discriminator with an
 * {@link AdversarialLoss}: per step, {@code discriminatorSteps} discriminator updates, each on a
 * fresh real batch and fresh noise, then one generator update.
 *
 * <p>The generator runs forward once per discriminator update; the generator update reuses the last
 * generated batch (its recorded graph), as the PyTorch DCGAN reference does. Networks are named
 * {@value #GENERATOR} and {@value #DISCRIMINATOR}, and so are their optimizer groups.
 */
public class AdversarialVariant implements GanVariant {

    /** Name of the generator network and its optimizer group. */
    public static final String GENERATOR = "generator";

    /** Name of the discriminator network and its optimizer group. */
    public static final String DISCRIMINATOR = "discriminator";

    private final Generator generator;
    private final Discriminator discriminator;
    private final AdversarialLoss loss;

    /**
     * Creates the variant.
     *
     * @param generator maps latent vectors to samples
     * @param discriminator maps samples to logits
     * @param loss the objectives of both players
     */
    public AdversarialVariant(Generator generator, Discriminator discriminator, AdversarialLoss loss) {
        this.generator = Objects.requireNonNull(generator, "generator is null");
        this.discriminator = Objects.requireNonNull(discriminator, "discriminator is null");
        this.loss = Objects.requireNonNull(loss, "loss is null");
        if (!generator.sampleShape().equals(discriminator.inputShape())) {
            throw new IllegalArgumentException("generator makes " + generator.sampleShape()
                    + " but discriminator takes " + discriminator.inputShape());
        }
    }

    @Override
    public List<Network> networks() {
        return List.of(Network.of(GENERATOR, generator), Network.of(DISCRIMINATOR, discriminator));
    }

    @Override
    public List<OptimizerGroup> optimizerGroups() {
        return List.of(
                new OptimizerGroup(GENERATOR, List.of(GENERATOR)),
                new OptimizerGroup(DISCRIMINATOR, List.of(DISCRIMINATOR)));
    }

    @Override
    public Optional<Generator> generator() {
        return Optional.of(generator);
    }

    @Override
    public Map<String, Float> trainStep(StepContext ctx) {
        NDArray[] fake = new NDArray[1];
        float dLoss = 0;
        for (int i = 0; i < ctx.discriminatorSteps(); i++) {
            NDArray real = ctx.nextBatch().get(0);
            NDArray z = ctx.randomNormal(latentShape(real.getShape().get(0)));
            dLoss = ctx.minimize(DISCRIMINATOR, () -> {
                fake[0] = ctx.forward(generator.block(), z, true);
                NDArray realLogits = ctx.forward(discriminator.block(), real, true);
                NDArray fakeLogits = ctx.forward(discriminator.block(), fake[0].stopGradient(), true);
                return loss.discriminatorLoss(realLogits, fakeLogits);
            });
        }
        float gLoss = ctx.minimize(GENERATOR,
                () -> loss.generatorLoss(ctx.forward(discriminator.block(), fake[0], true)));
        return Map.of("d_loss", dLoss, "g_loss", gLoss);
    }

    private Shape latentShape(long batch) {
        return new Shape(batch).addAll(generator.latentShape());
    }
}
