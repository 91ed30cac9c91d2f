package io.gan4j.models.pix2pix;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.gan4j.core.engine.EngineCapability;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import io.gan4j.models.translation.TranslationNetworks;
import java.util.List;
import java.util.Set;

/**
 * Creates {@link Pix2Pix} runs with the reference defaults: U-Net generator with 64 channels and as
 * many levels as bring the side to one pixel (8 for 256 px; smaller sides are padded by reflection to
 * a power of two, 28 px to 32), PatchGAN discriminator on (A, B) pairs, λ = 100, the non-saturating
 * loss, Adam 2e-4/β1 0.5 from the trainer, learning rates decaying linearly over the second half.
 *
 * <p>Departures from the reference, for small images: the PatchGAN's depth defaults by side (3
 * stride-2 layers, 70×70 patches, from 128 px; 2 from 64 px; 1, 16×16 patches, below), and
 * normalization is instance normalization, which is the reference's batch normalization at its batch
 * size of 1; there is no random jitter or mirroring of the training pairs.
 */
public final class Pix2PixFactory implements GanVariantFactory {

    @Override
    public String name() {
        return "pix2pix";
    }

    @Override
    public String description() {
        return "pix2pix (Isola et al. 2017): paired image-to-image translation, U-Net + PatchGAN + L1"
                + " (gan train pix2pix --a SPEC --b SPEC, image i of B the counterpart of image i of A; gan translate)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("ngf", 64, 1, 1024, "U-Net channels of the outermost level"),
                OptionSpec.integer("ndf", 64, 1, 1024, "discriminator channels of the first layer"),
                OptionSpec.integer("unet-downs", 0, 0, 10, "U-Net levels (0: enough to bring the side to 1 pixel, at most 8)"),
                OptionSpec.integer("patch-layers", 0, 0, 6, "PatchGAN stride-2 layers: 3 is 70x70 patches, 2 34x34, 1 16x16 (0: by size)"),
                OptionSpec.real("l1-weight", 100, 0, 10_000, "lambda, weight of the L1 distance to the true image"),
                OptionSpec.bool("adversarial", true, "train against the discriminator; false: the same U-Net by L1 alone (the paper's baseline)"),
                OptionSpec.bool("dropout", true, "the reference's dropout in the U-Net's inner decoder levels (none below 64 px)"));
    }

    /** The U-Net upsamples with transposed convolutions. */
    @Override
    public Set<EngineCapability> requires() {
        return Set.of(EngineCapability.TRANSPOSED_CONVOLUTION);
    }

    @Override
    public boolean alignedDomains() {
        return true;
    }

    @Override
    public double learningRateDecayFraction() {
        return 0.5;
    }

    /** Each step updates the discriminator once, then the generator once, as in the paper. */
    @Override
    public boolean takesUpdateCounts() {
        return false;
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        Shape data = ctx.sampleShape();
        if (data.dimension() != 4 || data.get(0) != 2) {
            throw new IllegalArgumentException("pix2pix learns from pairs of images: give --a SPEC --b SPEC (data paired:A|B),"
                    + " not data with samples " + data);
        }
        if (data.get(2) != data.get(3)) {
            throw new IllegalArgumentException("pix2pix needs square images, got " + data.get(2) + "x" + data.get(3)
                    + "; scale them with folder:DIR,size=N");
        }
        Options o = ctx.options();
        int side = (int) data.get(2);
        int channels = (int) data.get(1);
        int downs = o.getInt("unet-downs") == 0 ? TranslationNetworks.unetLevels(side) : o.getInt("unet-downs");
        Block generator = TranslationNetworks.paddedToMultiple(
                TranslationNetworks.unetGenerator(channels, o.getInt("ngf"), downs, o.getBoolean("dropout")), side, downs);
        int patchLayers = o.getInt("patch-layers") != 0 ? o.getInt("patch-layers") : side >= 128 ? 3 : side >= 64 ? 2 : 1;
        Block discriminator = o.getBoolean("adversarial") ? TranslationNetworks.patchDiscriminator(o.getInt("ndf"), patchLayers) : null;
        return new Pix2Pix(generator, discriminator, ctx.loss(), o.getDouble("l1-weight"), data.slice(1));
    }
}
