package io.gan4j.models.pix2pix;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.gan4j.core.loss.AdversarialLoss;
import io.gan4j.core.loss.StandardLoss;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.ImageSheet;
import io.gan4j.core.model.Network;
import io.gan4j.core.model.OptimizerGroup;
import io.gan4j.core.model.StepContext;
import io.gan4j.models.support.GeneratorAndOptionalDiscriminator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code Pix2Pix} is paired image-to-image translation (Isola et al. 2017) as the reference
 * implementation trains it: per step, the generator translates a batch of A images, the
 * discriminator takes one update on the (A, real B) and (A, translated B) pairs, stacked on the
 * channel axis, with half the loss's discriminator loss; then the generator one update on the loss's
 * generator term plus λ·‖G(A) − B‖₁ (mean over pixels).
 *
 * <p>Without a discriminator the same generator learns from λ·‖G(A) − B‖₁ alone: the regression
 * baseline the paper compares with (its "L1" rows).
 *
 * <p>Real data are samples (2, C, H, W) holding an A image and its counterpart in B (gan-data's
 * {@code paired:A|B}).
 */
final class Pix2Pix implements GanVariant {

    static final String GENERATOR = "generator";
    static final String DISCRIMINATOR = "discriminator";

    private final Block generator;
    private final Block discriminator;
    private final GeneratorAndOptionalDiscriminator layout;
    private final AdversarialLoss loss;
    private final float adversarialWeight;
    private final float l1Weight;
    private final Shape imageShape;

    /**
     * Creates the variant.
     *
     * @param generator the U-Net, uninitialized
     * @param discriminator the PatchGAN on pairs, uninitialized; null for the L1-only regression
     * @param loss the adversarial loss
     * @param l1Weight λ, the weight of the L1 term (100)
     * @param imageShape (C, H, W) of one image
     */
    Pix2Pix(Block generator, Block discriminator, AdversarialLoss loss, double l1Weight, Shape imageShape) {
        this.generator = Objects.requireNonNull(generator, "generator is null");
        this.discriminator = discriminator;
        this.loss = Objects.requireNonNull(loss, "loss is null");
        // The reference's LSGAN generator term is a plain MSE; TF-GAN's (our lsgan) is half of it.
        this.adversarialWeight = loss == StandardLoss.LEAST_SQUARES ? 2f : 1f;
        this.l1Weight = (float) l1Weight;
        this.imageShape = imageShape;
        this.layout = new GeneratorAndOptionalDiscriminator(generator, new Shape(1).addAll(imageShape), discriminator,
                new Shape(1, 2 * imageShape.get(0), imageShape.get(1), imageShape.get(2)));
    }

    @Override
    public List<Network> networks() {
        return layout.networks();
    }

    @Override
    public List<OptimizerGroup> optimizerGroups() {
        return layout.optimizerGroups();
    }

    @Override
    public Map<String, Block> translations() {
        return Map.of("AtoB", generator);
    }

    @Override
    public Map<String, Float> trainStep(StepContext ctx) {
        NDArray batch = ctx.nextBatch().get(0);
        NDArray a = batch.get(":, 0");
        NDArray b = batch.get(":, 1");
        Map<String, Float> losses = new LinkedHashMap<>();
        if (discriminator != null) {
            // As the reference: D learns from the translation held fixed, then G from D updated. The translation is made
            // again for G's update (same weights, same result; dropout draws anew): reusing the one recorded in D's update
            // failed in MXNet's autograd for U-Nets that need no padding.
            NDArray fixed = ctx.forward(generator, a, true).stopGradient();
            losses.put("d_loss", ctx.minimize(DISCRIMINATOR, () -> loss.discriminatorLoss(ctx.forward(discriminator, pair(a, b), true),
                    ctx.forward(discriminator, pair(a, fixed), true)).mul(0.5f)));
        }
        float[] parts = new float[2];
        float gLoss = ctx.minimize(GENERATOR, () -> {
            NDArray translated = ctx.forward(generator, a, true);
            NDArray l1 = translated.sub(b).abs().mean();
            parts[1] = l1.getFloat();
            NDArray total = l1.mul(l1Weight);
            if (discriminator != null) {
                NDArray realLogits = loss.generatorUsesRealLogits() ? ctx.forward(discriminator, pair(a, b), true) : null;
                NDArray adversarial = loss.generatorLoss(realLogits, ctx.forward(discriminator, pair(a, translated), true)).mul(adversarialWeight);
                parts[0] = adversarial.getFloat();
                total = total.add(adversarial);
            }
            return total;
        });
        losses.put("g_loss", gLoss);
        if (discriminator != null) {
            losses.put("g_adversarial", parts[0]);
        }
        losses.put("l1", parts[1]);
        return losses;
    }

    private static NDArray pair(NDArray a, NDArray b) {
        return NDArrays.concat(new NDList(a, b), 1);
    }

    /** Rows of: A, G(A), the true B, for the data's first pairs. */
    @Override
    public Optional<ImageSheet> preview(NDArray real, NDManager manager) {
        NDArray a = real.get(":, 0");
        NDArray translated = generator.forward(new ParameterStore(manager, false), new NDList(a), false).singletonOrThrow();
        NDArray rows = NDArrays.stack(new NDList(a, translated, real.get(":, 1")), 1);
        return Optional.of(new ImageSheet(rows.reshape(new Shape(-1).addAll(imageShape)), 3));
    }
}
