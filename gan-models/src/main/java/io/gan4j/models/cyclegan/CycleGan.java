package io.gan4j.models.cyclegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code CycleGan} is unpaired image-to-image translation (Zhu et al. 2017) as the reference
 * implementation trains it: generators G_AB and G_BA, discriminators D_A and D_B, per step one
 * update of both generators together, then one of both discriminators together.
 *
 * <p>Generator objective: adversarial terms for G_AB(a) against D_B and G_BA(b) against D_A, plus
 * λ·(‖G_BA(G_AB(a)) − a‖₁ + ‖G_AB(G_BA(b)) − b‖₁) (cycle consistency) plus λ·λ_id·(‖G_AB(b) − b‖₁
 * + ‖G_BA(a) − a‖₁) (identity), means over pixels. Each discriminator's objective is half the
 * loss's discriminator loss on a real batch and on generated images drawn through its
 * {@link ImagePool}.
 *
 * <p>Real data are samples (2, C, H, W) holding an A and an unrelated B image (gan-data's {@code
 * unpaired:A|B}); each image is randomly cropped to the network size and flipped when the options
 * say so, with the step's seeded randomness.
 */
final class CycleGan implements GanVariant {

    static final String G_AB = "generator-ab";
    static final String G_BA = "generator-ba";
    static final String D_A = "discriminator-a";
    static final String D_B = "discriminator-b";
    static final String GENERATORS = "generators";
    static final String DISCRIMINATORS = "discriminators";

    private final Block gAB;
    private final Block gBA;
    private final Block dA;
    private final Block dB;
    private final AdversarialLoss loss;
    private final float adversarialWeight;
    private final float cycleWeight;
    private final float identityWeight;
    private final int poolSize;
    private final Shape imageShape;
    private final int loadSize;
    private final boolean flip;
    private ImagePool poolA;
    private ImagePool poolB;

    /**
     * Creates the variant.
     *
     * @param networks G_AB, G_BA, D_A, D_B, uninitialized
     * @param loss the adversarial loss
     * @param cycleWeight λ of the cycle terms (10)
     * @param identityRatio identity weight as a fraction of λ (0.5; 0 for none)
     * @param poolSize images per pool (50; 0 for none)
     * @param imageShape (C, crop, crop): what the networks see
     * @param loadSize side of the images in the data, ≥ crop
     * @param flip whether to mirror images at random
     */
    CycleGan(List<Block> networks, AdversarialLoss loss, double cycleWeight, double identityRatio, int poolSize,
            Shape imageShape, int loadSize, boolean flip) {
        this.gAB = networks.get(0);
        this.gBA = networks.get(1);
        this.dA = networks.get(2);
        this.dB = networks.get(3);
        this.loss = Objects.requireNonNull(loss, "loss is null");
        // The reference's LSGAN generator term is a plain MSE; TF-GAN's (our lsgan) is half of it.
        this.adversarialWeight = loss == StandardLoss.LEAST_SQUARES ? 2f : 1f;
        this.cycleWeight = (float) cycleWeight;
        this.identityWeight = (float) (cycleWeight * identityRatio);
        this.poolSize = poolSize;
        this.imageShape = imageShape;
        this.loadSize = loadSize;
        this.flip = flip;
    }

    @Override
    public List<Network> networks() {
        List<Shape> image = List.of(new Shape(1).addAll(imageShape));
        return List.of(new Network(G_AB, gAB, image), new Network(G_BA, gBA, image), new Network(D_A, dA, image),
                new Network(D_B, dB, image));
    }

    @Override
    public List<OptimizerGroup> optimizerGroups() {
        return List.of(new OptimizerGroup(GENERATORS, List.of(G_AB, G_BA)), new OptimizerGroup(DISCRIMINATORS, List.of(D_A, D_B)));
    }

    @Override
    public Map<String, NDArray> createTrainingState(NDManager manager) {
        poolA = new ImagePool(poolSize, imageShape, manager);
        poolB = new ImagePool(poolSize, imageShape, manager);
        Map<String, NDArray> state = new LinkedHashMap<>(poolA.state("pool-a/"));
        state.putAll(poolB.state("pool-b/"));
        return state;
    }

    @Override
    public Map<String, Block> translations() {
        Map<String, Block> directions = new LinkedHashMap<>();
        directions.put("AtoB", gAB);
        directions.put("BtoA", gBA);
        return directions;
    }

    @Override
    public Map<String, Float> trainStep(StepContext ctx) {
        NDArray batch = ctx.nextBatch().get(0);
        NDArray realA = augment(batch.get(":, 0"), ctx);
        NDArray realB = augment(batch.get(":, 1"), ctx);
        NDArray[] fake = new NDArray[2];
        float[] parts = new float[3];
        float gLoss = ctx.minimize(GENERATORS, () -> {
            NDArray fakeB = ctx.forward(gAB, realA, true);
            NDArray fakeA = ctx.forward(gBA, realB, true);
            fake[0] = fakeA;
            fake[1] = fakeB;
            NDArray adversarial = generatorTerm(ctx, dB, realB, fakeB).add(generatorTerm(ctx, dA, realA, fakeA)).mul(adversarialWeight);
            NDArray cycle = l1(ctx.forward(gBA, fakeB, true), realA).add(l1(ctx.forward(gAB, fakeA, true), realB));
            NDArray total = adversarial.add(cycle.mul(cycleWeight));
            parts[0] = adversarial.getFloat();
            parts[1] = cycle.getFloat();
            if (identityWeight > 0) {
                NDArray identity = l1(ctx.forward(gAB, realB, true), realB).add(l1(ctx.forward(gBA, realA, true), realA));
                parts[2] = identity.getFloat();
                total = total.add(identity.mul(identityWeight));
            }
            return total;
        });
        NDArray pooledA = poolA.query(fake[0].stopGradient(), ctx::randomUniform);
        NDArray pooledB = poolB.query(fake[1].stopGradient(), ctx::randomUniform);
        float dLoss = ctx.minimize(DISCRIMINATORS, () -> discriminatorTerm(ctx, dA, realA, pooledA)
                .add(discriminatorTerm(ctx, dB, realB, pooledB)));
        Map<String, Float> losses = new LinkedHashMap<>();
        losses.put("d_loss", dLoss);
        losses.put("g_loss", gLoss);
        losses.put("g_adversarial", parts[0]);
        losses.put("cycle_l1", parts[1]);
        if (identityWeight > 0) {
            losses.put("identity_l1", parts[2]);
        }
        return losses;
    }

    private NDArray generatorTerm(StepContext ctx, Block d, NDArray real, NDArray fake) {
        NDArray realLogits = loss.generatorUsesRealLogits() ? ctx.forward(d, real, true) : null;
        return loss.generatorLoss(realLogits, ctx.forward(d, fake, true));
    }

    private NDArray discriminatorTerm(StepContext ctx, Block d, NDArray real, NDArray fake) {
        return loss.discriminatorLoss(ctx.forward(d, real, true), ctx.forward(d, fake, true)).mul(0.5f);
    }

    private static NDArray l1(NDArray x, NDArray y) {
        return x.sub(y).abs().mean();
    }

    /** Random crop to the network size and random mirroring, per image, from the step's seeded stream. */
    private NDArray augment(NDArray images, StepContext ctx) {
        int crop = (int) imageShape.get(1);
        if (crop == loadSize && !flip) {
            return images;
        }
        long n = images.getShape().get(0);
        float[] u = ctx.randomUniform(new Shape(n, 3)).toFloatArray();
        NDList out = new NDList();
        for (int i = 0; i < n; i++) {
            int range = loadSize - crop + 1;
            int y = Math.min(range - 1, (int) (u[3 * i] * range));
            int x = Math.min(range - 1, (int) (u[3 * i + 1] * range));
            NDArray image = images.get(new NDIndex("{}, :, {}:{}, {}:{}", i, y, y + crop, x, x + crop));
            out.add(flip && u[3 * i + 2] < 0.5f ? image.flip(2) : image);
        }
        return NDArrays.stack(out);
    }

    /** Rows of: A, G_AB(A), G_BA(G_AB(A)), B, G_BA(B), G_AB(G_BA(B)), for the data's first images (centre crop). */
    @Override
    public Optional<ImageSheet> preview(NDArray real, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        NDArray a = centreCrop(real.get(":, 0"));
        NDArray b = centreCrop(real.get(":, 1"));
        NDArray ab = gAB.forward(store, new NDList(a), false).singletonOrThrow();
        NDArray aba = gBA.forward(store, new NDList(ab), false).singletonOrThrow();
        NDArray ba = gBA.forward(store, new NDList(b), false).singletonOrThrow();
        NDArray bab = gAB.forward(store, new NDList(ba), false).singletonOrThrow();
        NDArray rows = NDArrays.stack(new NDList(a, ab, aba, b, ba, bab), 1);
        return Optional.of(new ImageSheet(rows.reshape(new Shape(-1).addAll(imageShape)), 6));
    }

    private NDArray centreCrop(NDArray images) {
        int crop = (int) imageShape.get(1);
        int offset = (loadSize - crop) / 2;
        return crop == loadSize ? images : images.get(new NDIndex(":, :, {}:{}, {}:{}", offset, offset + crop, offset, offset + crop));
    }
}
