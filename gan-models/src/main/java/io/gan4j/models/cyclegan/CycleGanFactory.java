package io.gan4j.models.cyclegan;

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
 * Creates {@link CycleGan}s with the reference defaults (λ = 10, identity 0.5·λ, pool of 50, LSGAN,
 * Adam 2e-4/β1 0.5 from the trainer, learning rate decaying linearly over the second half).
 *
 * <p>Network sizes default by image side S (after cropping): S ≥ 256: ResNet with 64 channels and
 * 9 blocks, 70×70 PatchGAN (3 layers); S ≥ 128: 6 blocks; S ≥ 64: 32 channels, 6 blocks, 34×34
 * patches; smaller (28, 32 px): 16 generator and 32 discriminator channels, 3 blocks, 34×34 patches.
 * Every size can be set with the options.
 */
public final class CycleGanFactory implements GanVariantFactory {

    @Override
    public String name() {
        return "cyclegan";
    }

    @Override
    public String description() {
        return "CycleGAN (Zhu et al. 2017): unpaired image-to-image translation between domains A and B"
                + " (gan train cyclegan --a SPEC --b SPEC; gan translate)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.choice("generator", "resnet", "generator architecture", "resnet", "unet"),
                OptionSpec.integer("ngf", 0, 0, 1024, "generator channels after the stem (0: by image size)"),
                OptionSpec.integer("ndf", 0, 0, 1024, "discriminator channels of the first layer (0: by image size)"),
                OptionSpec.integer("blocks", 0, 0, 64, "ResNet residual blocks (0: by image size)"),
                OptionSpec.integer("downsamplings", 2, 1, 8, "ResNet stride-2 stages; the side must be divisible by 2^n"),
                OptionSpec.integer("unet-downs", 0, 0, 10, "U-Net levels (0: as many as the side allows, at most 8)"),
                OptionSpec.integer("patch-layers", 0, 0, 6, "PatchGAN stride-2 layers: 3 is 70x70 patches, 2 34x34, 1 16x16 (0: by size)"),
                OptionSpec.real("cycle-weight", 10, 0, 1000, "lambda, weight of the cycle-consistency L1 terms"),
                OptionSpec.real("identity", 0.5, 0, 10, "identity L1 weight as a fraction of lambda (0: none)"),
                OptionSpec.integer("pool", 50, 0, 10_000, "generated images each discriminator's pool keeps (0: none)"),
                OptionSpec.integer("crop", 0, 0, 4096, "side of the random crops trained on (0: the whole image)"),
                OptionSpec.bool("flip", true, "mirror training images at random"));
    }

    /** The ResNet generator upsamples with transposed convolutions. */
    @Override
    public Set<EngineCapability> requires() {
        return Set.of(EngineCapability.TRANSPOSED_CONVOLUTION);
    }

    @Override
    public String defaultLoss() {
        return "lsgan";
    }

    @Override
    public double learningRateDecayFraction() {
        return 0.5;
    }

    /** Each step updates both generators once, then both discriminators once, as in the paper. */
    @Override
    public boolean takesUpdateCounts() {
        return false;
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        Shape data = ctx.sampleShape();
        if (data.dimension() != 4 || data.get(0) != 2) {
            throw new IllegalArgumentException("cyclegan trains on two image domains: give --a SPEC --b SPEC (data unpaired:A|B),"
                    + " not data with samples " + data);
        }
        if (data.get(2) != data.get(3)) {
            throw new IllegalArgumentException("cyclegan needs square images, got " + data.get(2) + "x" + data.get(3)
                    + "; scale them with folder:DIR,size=N");
        }
        Options o = ctx.options();
        int load = (int) data.get(2);
        int crop = o.getInt("crop") == 0 ? load : o.getInt("crop");
        if (crop > load) {
            throw new IllegalArgumentException("cyclegan option crop=" + crop + " exceeds the image side " + load);
        }
        int channels = (int) data.get(1);
        boolean large = crop >= 128;
        int ngf = or(o.getInt("ngf"), crop >= 128 ? 64 : crop >= 64 ? 32 : 16);
        int ndf = or(o.getInt("ndf"), crop >= 128 ? 64 : 32);
        int patchLayers = or(o.getInt("patch-layers"), large ? 3 : 2);
        Block gAB;
        Block gBA;
        if (o.getString("generator").equals("unet")) {
            int downs = or(o.getInt("unet-downs"), Math.min(8, Integer.numberOfTrailingZeros(crop)));
            requireDivisible(crop, downs, "unet-downs");
            gAB = TranslationNetworks.unetGenerator(channels, ngf, downs, false);
            gBA = TranslationNetworks.unetGenerator(channels, ngf, downs, false);
        } else {
            int blocks = or(o.getInt("blocks"), crop >= 256 ? 9 : crop >= 64 ? 6 : 3);
            int downsamplings = o.getInt("downsamplings");
            requireDivisible(crop, downsamplings, "downsamplings");
            gAB = TranslationNetworks.resnetGenerator(channels, ngf, blocks, downsamplings);
            gBA = TranslationNetworks.resnetGenerator(channels, ngf, blocks, downsamplings);
        }
        List<Block> networks = List.of(gAB, gBA, TranslationNetworks.patchDiscriminator(ndf, patchLayers),
                TranslationNetworks.patchDiscriminator(ndf, patchLayers));
        return new CycleGan(networks, ctx.loss(), o.getDouble("cycle-weight"), o.getDouble("identity"), o.getInt("pool"),
                new Shape(channels, crop, crop), load, o.getBoolean("flip"));
    }

    private static int or(int value, int automatic) {
        return value == 0 ? automatic : value;
    }

    private static void requireDivisible(int side, int stages, String option) {
        if (stages < 1 || side % (1 << stages) != 0) {
            throw new IllegalArgumentException("cyclegan: image side " + side + " is not divisible by 2^" + stages + " (option " + option
                    + "); choose fewer stages or another crop");
        }
    }
}
