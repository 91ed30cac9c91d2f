package io.gan4j.models.superres;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.gan4j.core.loss.AdversarialLoss;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.ImageSheet;
import io.gan4j.core.model.Network;
import io.gan4j.core.model.OptimizerGroup;
import io.gan4j.core.model.StepContext;
import io.gan4j.models.support.GeneratorAndOptionalDiscriminator;
import io.gan4j.core.model.Upscaler;
import io.gan4j.core.resample.BicubicResize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SrGan} is single-image super-resolution with SRGAN (Ledig et al. 2017) and its content loss
 * on pixels (the paper's SRGAN-MSE): the training images are the high-resolution targets; each batch is
 * shrunk by the factor with {@link BicubicResize} to make the inputs. Per step the discriminator takes
 * one update on true and upscaled images, then the generator one on ‖G(x↓) − x‖² (mean over pixels)
 * plus w·(the loss's generator term), w = 10⁻³.
 *
 * <p>The paper starts SRGAN from a trained SRResNet; here the first share of the steps trains the
 * generator by the content loss alone, and the discriminator joins after. Without a discriminator
 * the whole run is that content-only training: SRResNet, the paper's baseline.
 */
final class SrGan implements GanVariant {

    static final String GENERATOR = "generator";
    static final String DISCRIMINATOR = "discriminator";

    private final Block generator;
    private final Block discriminator;
    private final GeneratorAndOptionalDiscriminator layout;
    private final AdversarialLoss loss;
    private final float adversarialWeight;
    private final double pretrainShare;
    private final int factor;
    private final Shape imageShape;

    /**
     * Creates the variant.
     *
     * @param generator the SRResNet, uninitialized
     * @param discriminator the discriminator, uninitialized; null for SRResNet alone
     * @param loss the adversarial loss
     * @param adversarialWeight w
     * @param pretrainShare share of the steps before the discriminator joins
     * @param factor r
     * @param imageShape (C, H, W) of the high-resolution images
     */
    SrGan(Block generator, Block discriminator, AdversarialLoss loss, double adversarialWeight, double pretrainShare, int factor,
            Shape imageShape) {
        this.generator = Objects.requireNonNull(generator, "generator is null");
        this.discriminator = discriminator;
        this.loss = Objects.requireNonNull(loss, "loss is null");
        this.adversarialWeight = (float) adversarialWeight;
        this.pretrainShare = pretrainShare;
        this.factor = factor;
        this.imageShape = imageShape;
        this.layout = new GeneratorAndOptionalDiscriminator(generator, new Shape(1).addAll(lowResolution()), discriminator,
                new Shape(1).addAll(imageShape));
    }

    private Shape lowResolution() {
        return new Shape(imageShape.get(0), imageShape.get(1) / factor, imageShape.get(2) / factor);
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
    public Map<String, Float> trainStep(StepContext ctx) {
        NDArray high = ctx.nextBatch().get(0);
        NDArray low = shrink(high);
        boolean adversarial = discriminator != null && ctx.step() >= (long) Math.ceil(pretrainShare * ctx.totalSteps());
        Map<String, Float> losses = new LinkedHashMap<>();
        NDArray[] made = new NDArray[1];
        if (adversarial) {
            // The upscaling is recorded inside D's update (batch norm's training mode needs the recorder) and reused by G's.
            losses.put("d_loss", ctx.minimize(DISCRIMINATOR, () -> {
                made[0] = ctx.forward(generator, low, true);
                return loss.discriminatorLoss(ctx.forward(discriminator, high, true), ctx.forward(discriminator, made[0].stopGradient(), true));
            }));
        }
        float[] parts = new float[2];
        float gLoss = ctx.minimize(GENERATOR, () -> {
            NDArray upscaled = made[0] != null ? made[0] : ctx.forward(generator, low, true);
            NDArray content = upscaled.sub(high).square().mean();
            parts[1] = content.getFloat();
            if (!adversarial) {
                return content;
            }
            NDArray realLogits = loss.generatorUsesRealLogits() ? ctx.forward(discriminator, high, true) : null;
            NDArray term = loss.generatorLoss(realLogits, ctx.forward(discriminator, upscaled, true));
            parts[0] = term.getFloat();
            return content.add(term.mul(adversarialWeight));
        });
        losses.put("g_loss", gLoss);
        if (adversarial) {
            losses.put("g_adversarial", parts[0]);
        }
        losses.put("mse", parts[1]);
        return losses;
    }

    private NDArray shrink(NDArray high) {
        return BicubicResize.resize(high, (int) (imageShape.get(1) / factor), (int) (imageShape.get(2) / factor));
    }

    @Override
    public Optional<Upscaler> upscaler() {
        return Optional.of(new Upscaler() {
            @Override
            public int factor() {
                return factor;
            }

            @Override
            public Shape inputShape() {
                return lowResolution();
            }

            @Override
            public NDArray upscale(NDArray images) {
                return generator.forward(new ParameterStore(images.getManager(), false), new NDList(images), false)
                        .singletonOrThrow().clip(-1, 1);
            }
        });
    }

    /** Rows of: the input enlarged by bicubic resampling, the upscaled image, the original, for the data's first images. */
    @Override
    public Optional<ImageSheet> preview(NDArray images, NDManager manager) {
        NDArray low = shrink(images);
        NDArray bicubic = BicubicResize.resize(low, (int) imageShape.get(1), (int) imageShape.get(2)).clip(-1, 1);
        NDArray upscaled = upscaler().orElseThrow().upscale(low);
        NDArray rows = NDArrays.stack(new NDList(bicubic, upscaled, images), 1);
        return Optional.of(new ImageSheet(rows.reshape(new Shape(-1).addAll(imageShape)), 3));
    }
}
