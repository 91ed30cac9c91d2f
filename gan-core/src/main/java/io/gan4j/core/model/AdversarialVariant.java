package io.gan4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
 *
 * <p>Conditional networks ({@link Generator#numClasses()}, {@link Discriminator#numClasses()}) get
 * the real batch's labels: the generator makes a batch of the same classes, and the discriminator
 * judges both batches with those labels. Subclasses add terms (e.g. an auxiliary classifier's)
 * by overriding {@link #discriminatorLoss} and {@link #generatorLoss}.
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
        if (generator.numClasses() > 0 && discriminator.numClasses() > 0
                && generator.numClasses() != discriminator.numClasses()) {
            throw new IllegalArgumentException("generator knows " + generator.numClasses()
                    + " classes but discriminator " + discriminator.numClasses());
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
        NDArray[] fakeLabels = new NDArray[1];
        float dLoss = 0;
        for (int i = 0; i < ctx.discriminatorSteps(); i++) {
            NDList batch = ctx.nextBatch();
            NDArray real = batch.get(0);
            // Conditional variants generate the real batch's classes, so D sees the same label mix twice.
            NDArray labels = batch.size() > 1 ? batch.get(1) : null;
            NDArray z = ctx.randomNormal(latentShape(real.getShape().get(0)));
            dLoss = ctx.minimize(DISCRIMINATOR, () -> {
                fake[0] = ctx.forward(generator.block(), inputs(z, labels, generator.numClasses()), true).singletonOrThrow();
                NDList realOut = discriminate(ctx, real, labels);
                NDList fakeOut = discriminate(ctx, fake[0].stopGradient(), labels);
                return discriminatorLoss(realOut, fakeOut, labels);
            });
            fakeLabels[0] = labels;
        }
        float gLoss = ctx.minimize(GENERATOR,
                () -> generatorLoss(discriminate(ctx, fake[0], fakeLabels[0]), fakeLabels[0]));
        return Map.of("d_loss", dLoss, "g_loss", gLoss);
    }

    /**
     * Returns the discriminator's objective. By default the loss applied to the first outputs (the
     * logits); variants with auxiliary outputs add their terms here.
     *
     * @param real the discriminator's outputs on the real batch
     * @param fake its outputs on the generated batch
     * @param labels the batch's int32 labels, or null for unlabelled data
     */
    protected NDArray discriminatorLoss(NDList real, NDList fake, NDArray labels) {
        return loss.discriminatorLoss(real.get(0), fake.get(0));
    }

    /**
     * Returns the generator's objective; by default the loss applied to the logits.
     *
     * @param fake the discriminator's outputs on the generated batch
     * @param labels the classes the batch was generated for, or null for unlabelled data
     */
    protected NDArray generatorLoss(NDList fake, NDArray labels) {
        return loss.generatorLoss(fake.get(0));
    }

    /** Returns the loss this variant was built with. */
    protected final AdversarialLoss loss() {
        return loss;
    }

    private NDList discriminate(StepContext ctx, NDArray samples, NDArray labels) {
        return ctx.forward(discriminator.block(), inputs(samples, labels, discriminator.numClasses()), true);
    }

    private static NDList inputs(NDArray x, NDArray labels, int numClasses) {
        if (numClasses == 0) {
            return new NDList(x);
        }
        if (labels == null) {
            throw new IllegalStateException("a conditional network needs labelled data");
        }
        return new NDList(x, labels);
    }

    private Shape latentShape(long batch) {
        return new Shape(batch).addAll(generator.latentShape());
    }
}
