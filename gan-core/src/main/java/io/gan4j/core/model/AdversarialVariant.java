package io.gan4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.augment.DiffAugment;
import io.gan4j.core.loss.AdversarialLoss;
import io.gan4j.core.loss.Critic;
import io.gan4j.core.loss.DiscriminatorPenalty;
import io.gan4j.core.loss.TopK;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code AdversarialVariant} trains one generator against one discriminator with an
 * {@link AdversarialLoss}: per step, {@code discriminatorSteps} discriminator updates, each on a
 * fresh real batch and fresh noise, then {@code generatorSteps} generator updates on the last noise.
 *
 * <p>The generator runs forward once per discriminator update; the first generator update reuses the
 * last generated batch (its recorded graph), as the PyTorch DCGAN reference does, and any further
 * one generates again from the same noise, as PacGAN's code does. Networks are named
 * {@value #GENERATOR} and {@value #DISCRIMINATOR}, and so are their optimizer groups.
 *
 * <p>Conditional networks ({@link Generator#numClasses()}, {@link Discriminator#numClasses()}) get
 * the real batch's labels: the generator makes a batch of the same classes, and the discriminator
 * judges both batches with those labels. Subclasses add terms (e.g. an auxiliary classifier's)
 * by overriding {@link #discriminatorLoss} and {@link #generatorLoss}.
 *
 * <p>A {@link DiscriminatorPenalty} is added to the discriminator's loss (reported as {@code
 * d_penalty}), at the batches as D saw them; a {@link DiffAugment} is applied, with fresh randomness,
 * to every batch D sees, in both players' updates. With {@link TopK} updates, G's loss learns only
 * from the generated samples D scores highest. A frozen generator ({@link StepContext#frozen}) is not
 * updated and generates in inference mode, as when sampling: D then learns to tell exactly the samples
 * one draws from it, which discriminator rejection sampling needs.
 */
public class AdversarialVariant implements GanVariant {

    /** Name of the generator network and its optimizer group. */
    public static final String GENERATOR = "generator";

    /** Name of the discriminator network and its optimizer group. */
    public static final String DISCRIMINATOR = "discriminator";

    private final Generator generator;
    private final Discriminator discriminator;
    private final VariantContext context;
    private final AdversarialLoss loss;
    private final Optional<DiscriminatorPenalty> penalty;
    private final DiffAugment augmentation;
    private final TopK topK;

    /**
     * Creates the variant with the run's loss, penalty, augmentation and top-k updates, all taken from
     * the context its factory was given (there is no other way to make one, so none can be dropped).
     *
     * @param generator maps latent vectors to samples
     * @param discriminator maps samples to logits
     * @param ctx the context the variant's factory was called with
     */
    public AdversarialVariant(Generator generator, Discriminator discriminator, VariantContext ctx) {
        this.generator = Objects.requireNonNull(generator, "generator is null");
        this.discriminator = Objects.requireNonNull(discriminator, "discriminator is null");
        this.context = Objects.requireNonNull(ctx, "ctx is null");
        this.loss = ctx.loss();
        this.penalty = ctx.penalty();
        this.augmentation = ctx.augmentation();
        this.topK = ctx.topK();
        discriminator.checkFits(generator);
        augmentation.checkApplicable(generator.sampleShape());
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
    public Optional<Discriminator> discriminator() {
        return Optional.of(discriminator);
    }

    @Override
    public Map<String, Float> trainStep(StepContext ctx) {
        NDArray[] fake = new NDArray[1];
        NDArray[] noise = new NDArray[1];
        NDArray[] real = new NDArray[1];
        NDArray[] labels = new NDArray[1];
        float dLoss = 0;
        float penaltyValue = 0;
        for (int i = 0; i < ctx.discriminatorSteps(); i++) {
            NDList batch = ctx.nextBatch();
            real[0] = augmentation.apply(batch.get(0), ctx::randomUniform);
            // Conditional variants generate the real batch's classes, so D sees the same label mix twice.
            labels[0] = batch.size() > 1 ? batch.get(1) : null;
            noise[0] = ctx.randomNormal(latentShape(real[0].getShape().get(0)));
            float[] penaltyPart = new float[1];
            dLoss = ctx.minimize(DISCRIMINATOR, () -> {
                fake[0] = generate(ctx, noise[0], labels[0]);
                NDArray seenFake = augmentation.apply(fake[0].stopGradient(), ctx::randomUniform);
                NDList realOut = discriminate(ctx, real[0], labels[0]);
                NDList fakeOut = discriminate(ctx, seenFake, labels[0]);
                NDArray objective = discriminatorLoss(realOut, fakeOut, labels[0], noise[0]);
                if (penalty.isPresent()) {
                    Critic critic = new Critic(discriminator.block(), x -> inputs(x, labels[0], discriminator.numClasses()));
                    NDArray p = penalty.get().penalty(critic, real[0], seenFake, ctx::randomUniform);
                    penaltyPart[0] = p.getFloat();
                    objective = objective.add(p);
                }
                return objective;
            });
            penaltyValue = penaltyPart[0];
        }
        if (ctx.frozen(GENERATOR)) {
            return penalty.isPresent() ? Map.of("d_loss", dLoss, "d_penalty", penaltyValue) : Map.of("d_loss", dLoss);
        }
        float gLoss = 0;
        for (int i = 0; i < ctx.generatorSteps(); i++) {
            boolean again = i > 0;
            gLoss = ctx.minimize(GENERATOR, () -> {
                NDArray generated = again ? generate(ctx, noise[0], labels[0]) : fake[0];
                NDList fakeOut = discriminate(ctx, augmentation.apply(generated, ctx::randomUniform), labels[0]);
                fakeOut.set(0, topK.keepMostRealistic(fakeOut.get(0), ctx.epoch()));
                // Relativistic losses compare with D's view of real data, which changes with each D update.
                NDList realOut = loss.generatorUsesRealLogits() ? discriminate(ctx, real[0], labels[0]) : null;
                return generatorLoss(realOut, fakeOut, labels[0], noise[0]);
            });
        }
        return penalty.isPresent()
                ? Map.of("d_loss", dLoss, "g_loss", gLoss, "d_penalty", penaltyValue)
                : Map.of("d_loss", dLoss, "g_loss", gLoss);
    }

    /**
     * Returns the discriminator's objective. By default the loss applied to the first outputs (the
     * logits); variants with auxiliary outputs add their terms here. A selected penalty is added after.
     *
     * @param real the discriminator's outputs on the real batch
     * @param fake its outputs on the generated batch
     * @param labels the batch's int32 labels, or null for unlabelled data
     * @return the discriminator's objective
     */
    protected NDArray discriminatorLoss(NDList real, NDList fake, NDArray labels) {
        return loss.discriminatorLoss(real.get(0), fake.get(0));
    }

    /**
     * Returns the discriminator's objective given also the latent vectors the fake batch was generated
     * from, for variants whose terms depend on them (InfoGAN's codes); by default {@link
     * #discriminatorLoss(NDList, NDList, NDArray)}.
     *
     * @param real the discriminator's outputs on the real batch
     * @param fake its outputs on the generated batch
     * @param labels the batch's int32 labels, or null for unlabelled data
     * @param latent the generated batch's latent vectors
     * @return the discriminator's objective
     */
    protected NDArray discriminatorLoss(NDList real, NDList fake, NDArray labels, NDArray latent) {
        return discriminatorLoss(real, fake, labels);
    }

    /**
     * Returns the generator's objective given also the batch's latent vectors; by default {@link
     * #generatorLoss(NDList, NDList, NDArray)}.
     *
     * @param real the discriminator's outputs on the last real batch, or null unless the loss uses them
     * @param fake the discriminator's outputs on the generated batch
     * @param labels the classes the batch was generated for, or null for unlabelled data
     * @param latent the generated batch's latent vectors
     * @return the generator's objective
     */
    protected NDArray generatorLoss(NDList real, NDList fake, NDArray labels, NDArray latent) {
        return generatorLoss(real, fake, labels);
    }

    /**
     * Returns the generator's objective; by default the loss applied to the logits.
     *
     * @param real the discriminator's outputs on the last real batch, or null unless the loss {@link
     *     AdversarialLoss#generatorUsesRealLogits() uses them}
     * @param fake the discriminator's outputs on the generated batch
     * @param labels the classes the batch was generated for, or null for unlabelled data
     * @return the generator's objective; by default the loss applied to the logits
     */
    protected NDArray generatorLoss(NDList real, NDList fake, NDArray labels) {
        return loss.generatorLoss(real == null ? null : real.get(0), fake.get(0));
    }

    /**
     * Returns the context this variant was made from: its loss, penalty, augmentation and top-k updates.
     *
     * @return the context this variant was made from: its loss, penalty, augmentation and top-k updates
     */
    public final VariantContext context() {
        return context;
    }

    /**
     * Returns the loss this variant was built with.
     *
     * @return the loss this variant was built with
     */
    protected final AdversarialLoss loss() {
        return loss;
    }

    private NDArray generate(StepContext ctx, NDArray z, NDArray labels) {
        boolean training = !ctx.frozen(GENERATOR);
        return ctx.forward(generator.block(), inputs(z, labels, generator.numClasses()), training).singletonOrThrow();
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
