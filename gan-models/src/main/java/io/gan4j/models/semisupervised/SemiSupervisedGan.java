package io.gan4j.models.semisupervised;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.gan4j.core.augment.DiffAugment;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.ImageSheet;
import io.gan4j.core.model.Network;
import io.gan4j.core.model.OptimizerGroup;
import io.gan4j.core.model.SampleClassifier;
import io.gan4j.core.model.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SemiSupervisedGan} is the semi-supervised GAN of Salimans et al. 2016 with feature matching:
 * the discriminator is a K-class classifier whose K logits l(x) also say "real": with the fake class's
 * logit fixed at 0, D(x) = Z/(Z + 1), Z = Σₖ exp lₖ(x). Per step it takes one update on cross-entropy
 * of the labelled batch plus w·[−½·mean log D(x_unlabelled) − ½·mean log(1 − D(G(z)))]; then the
 * generator one on ‖mean f(x_unlabelled) − mean f(G(z))‖² / |f|, f the discriminator's last hidden
 * layer (feature matching). Data are gan-data's {@code fewlabels:N@SPEC} samples: an unlabelled image
 * and a labelled one, the sample's label being the latter's.
 *
 * <p>Without the adversarial part the same classifier learns from the labelled examples alone, with
 * or without random translations: the baselines a user would otherwise pick.
 */
final class SemiSupervisedGan implements GanVariant {

    static final String GENERATOR = "generator";
    static final String DISCRIMINATOR = "discriminator";
    private static final DiffAugment SHIFT = DiffAugment.parse("translation");

    private final Block generator;
    private final NoisyMlpDiscriminator discriminator;
    private final Shape imageShape;
    private final int classes;
    private final int latent;
    private final float unlabelledWeight;
    private final boolean adversarial;
    private final boolean augment;

    /**
     * Creates the variant.
     *
     * @param generator noise (N, latent) → (N, C, H, W) images, uninitialized
     * @param discriminator the classifier, uninitialized
     * @param imageShape (C, H, W)
     * @param classes K
     * @param latent noise dimensions
     * @param unlabelledWeight w
     * @param adversarial false: the classifier on the labelled examples alone (no generator)
     * @param augment shift the labelled images at random (up to 1/8 of the side)
     */
    SemiSupervisedGan(Block generator, NoisyMlpDiscriminator discriminator, Shape imageShape, int classes, int latent,
            double unlabelledWeight, boolean adversarial, boolean augment) {
        this.generator = Objects.requireNonNull(generator, "generator is null");
        this.discriminator = Objects.requireNonNull(discriminator, "discriminator is null");
        this.imageShape = imageShape;
        this.classes = classes;
        this.latent = latent;
        this.unlabelledWeight = (float) unlabelledWeight;
        this.adversarial = adversarial;
        this.augment = augment;
    }

    @Override
    public List<Network> networks() {
        List<Network> networks = new ArrayList<>();
        if (adversarial) {
            networks.add(new Network(GENERATOR, generator, List.of(new Shape(1, latent))));
        }
        networks.add(new Network(DISCRIMINATOR, discriminator, List.of(new Shape(1).addAll(imageShape))));
        return networks;
    }

    @Override
    public List<OptimizerGroup> optimizerGroups() {
        List<OptimizerGroup> groups = new ArrayList<>();
        if (adversarial) {
            groups.add(new OptimizerGroup(GENERATOR, List.of(GENERATOR)));
        }
        groups.add(new OptimizerGroup(DISCRIMINATOR, List.of(DISCRIMINATOR)));
        return groups;
    }

    @Override
    public Optional<Generator> generator() {
        return adversarial ? Optional.of(Generator.of(generator, new Shape(latent), imageShape)) : Optional.empty();
    }

    @Override
    public Map<String, Float> trainStep(StepContext ctx) {
        NDList batch = ctx.nextBatch();
        NDArray unlabelled = batch.get(0).get(":, 0");
        NDArray labelled = batch.get(0).get(":, 1");
        NDArray labels = batch.get(1);
        if (augment) {
            // Translation fills with zeros; shifting x + 1 fills with the background, −1.
            labelled = SHIFT.apply(labelled.add(1), ctx::randomUniform).sub(1);
        }
        NDArray lab = labelled;
        long n = unlabelled.getShape().get(0);
        Map<String, Float> losses = new LinkedHashMap<>();
        float[] parts = new float[2];
        NDArray[] fake = new NDArray[1];
        losses.put("d_loss", ctx.minimize(DISCRIMINATOR, () -> {
            NDArray logits = noisyForward(ctx, lab).get(0);
            // Cross-entropy: log Σ exp l − l_label.
            NDArray supervised = logSumExp(logits).sub(logits.mul(labels.oneHot(classes)).sum(new int[] {1})).mean();
            parts[0] = supervised.getFloat();
            if (!adversarial) {
                return supervised;
            }
            fake[0] = ctx.forward(generator, ctx.randomNormal(new Shape(n, latent)), true);
            NDArray real = logSumExp(noisyForward(ctx, unlabelled).get(0));
            NDArray generated = logSumExp(noisyForward(ctx, fake[0].stopGradient()).get(0));
            // −log D(x) = softplus(l) − l and −log(1 − D(G(z))) = softplus(l), l the log-sum-exp of the logits.
            NDArray unsupervised = softplus(real).sub(real).mean().add(softplus(generated).mean()).mul(0.5f);
            parts[1] = unsupervised.getFloat();
            return supervised.add(unsupervised.mul(unlabelledWeight));
        }));
        losses.put("supervised", parts[0]);
        if (adversarial) {
            losses.put("unsupervised", parts[1]);
            losses.put("g_loss", ctx.minimize(GENERATOR, () -> {
                NDArray real = noisyForward(ctx, unlabelled).get(1).mean(new int[] {0});
                NDArray generated = noisyForward(ctx, fake[0]).get(1).mean(new int[] {0});
                return real.sub(generated).square().mean();
            }));
        }
        return losses;
    }

    private NDList noisyForward(StepContext ctx, NDArray images) {
        NDList inputs = new NDList(images);
        for (Shape shape : discriminator.noiseShapes(images.getShape().get(0), imageShape)) {
            inputs.add(ctx.randomNormal(shape));
        }
        return ctx.forward(discriminator, inputs, true);
    }

    /** log Σₖ exp lₖ per row, stably. */
    private static NDArray logSumExp(NDArray logits) {
        NDArray max = logits.max(new int[] {1}, true).stopGradient();
        return logits.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
    }

    /** log(1 + eˣ), stably. */
    private static NDArray softplus(NDArray x) {
        return x.maximum(0f).add(x.abs().neg().exp().add(1).log());
    }

    @Override
    public Optional<SampleClassifier> classifier() {
        return Optional.of(new SampleClassifier() {
            @Override
            public int numClasses() {
                return classes;
            }

            @Override
            public boolean supervised() {
                return true;
            }

            @Override
            public NDArray classify(NDArray samples) {
                return discriminator.forward(new ParameterStore(samples.getManager(), false), new NDList(samples), false).get(0);
            }
        });
    }

    /** The labelled examples, for a classifier alone; a GAN run shows its generator's samples. */
    @Override
    public Optional<ImageSheet> preview(NDArray real, NDManager manager) {
        return adversarial ? Optional.empty() : Optional.of(new ImageSheet(real.get(":, 1"), 8));
    }
}
