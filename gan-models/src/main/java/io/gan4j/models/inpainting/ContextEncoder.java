package io.gan4j.models.inpainting;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.gan4j.core.loss.AdversarialLoss;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.ImageSheet;
import io.gan4j.core.model.Inpainter;
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
 * {@code ContextEncoder} is inpainting with a context encoder (Pathak et al. 2016) as the reference
 * trains it on its center region: the generator sees an image whose central hole is blanked (set to
 * 0, mid-grey) and predicts the hole; per step the discriminator takes one update on true and predicted
 * holes, then the generator one on w·‖G(x̃) − x_hole‖² + (1 − w)·(the loss's generator term), the
 * squared error a mean over the hole's pixels (w = 0.999).
 *
 * <p>Without a discriminator the same encoder–decoder learns from the squared error alone: the paper's
 * L2 baseline.
 */
final class ContextEncoder implements GanVariant {

    static final String GENERATOR = "generator";
    static final String DISCRIMINATOR = "discriminator";

    private final Block generator;
    private final Block discriminator;
    private final GeneratorAndOptionalDiscriminator layout;
    private final AdversarialLoss loss;
    private final float reconstructionWeight;
    private final Shape imageShape;
    private final int hole;
    private final int offset;

    /**
     * Creates the variant.
     *
     * @param generator blanked images → holes, uninitialized
     * @param discriminator holes → logits, uninitialized; null for the L2-only encoder
     * @param loss the adversarial loss
     * @param reconstructionWeight w, the squared error's share of the generator's objective
     * @param imageShape (C, S, S)
     * @param hole side of the central square filled
     */
    ContextEncoder(Block generator, Block discriminator, AdversarialLoss loss, double reconstructionWeight, Shape imageShape, int hole) {
        this.generator = Objects.requireNonNull(generator, "generator is null");
        this.discriminator = discriminator;
        this.loss = Objects.requireNonNull(loss, "loss is null");
        this.reconstructionWeight = discriminator == null ? 1f : (float) reconstructionWeight;
        this.imageShape = imageShape;
        this.hole = hole;
        this.offset = (int) (imageShape.get(1) - hole) / 2;
        this.layout = new GeneratorAndOptionalDiscriminator(generator, new Shape(1).addAll(imageShape), discriminator,
                new Shape(1, imageShape.get(0), hole, hole));
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
        NDArray images = ctx.nextBatch().get(0);
        NDArray blanked = blank(images);
        NDArray truth = holeOf(images);
        Map<String, Float> losses = new LinkedHashMap<>();
        NDArray[] fill = new NDArray[1];
        if (discriminator != null) {
            losses.put("d_loss", ctx.minimize(DISCRIMINATOR, () -> {
                fill[0] = ctx.forward(generator, blanked, true);
                return loss.discriminatorLoss(ctx.forward(discriminator, truth, true), ctx.forward(discriminator, fill[0].stopGradient(), true));
            }));
        }
        float[] parts = new float[2];
        float gLoss = ctx.minimize(GENERATOR, () -> {
            NDArray predicted = fill[0] != null ? fill[0] : ctx.forward(generator, blanked, true);
            NDArray l2 = predicted.sub(truth).square().mean();
            parts[1] = l2.getFloat();
            NDArray total = l2.mul(reconstructionWeight);
            if (discriminator != null) {
                NDArray realLogits = loss.generatorUsesRealLogits() ? ctx.forward(discriminator, truth, true) : null;
                NDArray adversarial = loss.generatorLoss(realLogits, ctx.forward(discriminator, predicted, true));
                parts[0] = adversarial.getFloat();
                total = total.add(adversarial.mul(1 - reconstructionWeight));
            }
            return total;
        });
        losses.put("g_loss", gLoss);
        if (discriminator != null) {
            losses.put("g_adversarial", parts[0]);
        }
        losses.put("l2", parts[1]);
        return losses;
    }

    @Override
    public Optional<Inpainter> inpainter() {
        return Optional.of(new Inpainter() {
            @Override
            public Shape imageShape() {
                return imageShape;
            }

            @Override
            public NDArray mask(NDManager manager) {
                return keep(manager).squeeze(new int[] {0, 1}).neg().add(1);
            }

            @Override
            public NDArray inpaint(NDArray images) {
                NDArray fill = generator.forward(new ParameterStore(images.getManager(), false), new NDList(blank(images)), false)
                        .singletonOrThrow();
                return paste(images, fill);
            }
        });
    }

    /** Rows of: the blanked input, its completion, the original, for the data's first images. */
    @Override
    public Optional<ImageSheet> preview(NDArray images, NDManager manager) {
        NDArray blanked = blank(images);
        NDArray completed = paste(images, generator.forward(new ParameterStore(manager, false), new NDList(blanked), false).singletonOrThrow());
        NDArray rows = NDArrays.stack(new NDList(blanked, completed, images), 1);
        return Optional.of(new ImageSheet(rows.reshape(new Shape(-1).addAll(imageShape)), 3));
    }

    /** Returns (1, 1, S, S): 1 outside the hole, 0 inside. */
    private NDArray keep(NDManager manager) {
        int side = (int) imageShape.get(1);
        float[] keep = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean inside = y >= offset && y < offset + hole && x >= offset && x < offset + hole;
                keep[y * side + x] = inside ? 0f : 1f;
            }
        }
        return manager.create(keep, new Shape(1, 1, side, side));
    }

    private NDArray blank(NDArray images) {
        return images.mul(keep(images.getManager()));
    }

    private NDArray holeOf(NDArray images) {
        return images.get(new NDIndex(":, :, {}:{}, {}:{}", offset, offset + hole, offset, offset + hole));
    }

    /** Returns the images with their hole replaced by {@code fill}. */
    private NDArray paste(NDArray images, NDArray fill) {
        NDManager m = fill.getManager();
        long n = fill.getShape().get(0);
        long c = imageShape.get(0);
        long side = imageShape.get(1);
        long after = side - offset - hole;
        NDArray band = NDArrays.concat(new NDList(m.zeros(new Shape(n, c, hole, offset)), fill, m.zeros(new Shape(n, c, hole, after))), 3);
        NDArray padded = NDArrays.concat(new NDList(m.zeros(new Shape(n, c, offset, side)), band, m.zeros(new Shape(n, c, after, side))), 2);
        return images.mul(keep(images.getManager())).add(padded);
    }
}
