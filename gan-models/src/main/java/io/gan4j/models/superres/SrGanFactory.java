package io.gan4j.models.superres;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import java.util.List;

/**
 * Creates {@link SrGan} runs with the paper's networks (16 residual blocks of 64 channels, sub-pixel
 * upsampling; the eight-convolution discriminator) and weights: pixel MSE content loss plus 10⁻³ times
 * the non-saturating adversarial term. The paper trains with Adam at 10⁻⁴ and β1 = 0.9 (give
 * {@code --lr 1e-4 --beta1 0.9}; the trainer's defaults are DCGAN's); it starts SRGAN from a trained
 * SRResNet, which here is the first half of the run by the content loss alone ({@code pretrain=0.5}).
 */
public final class SrGanFactory implements GanVariantFactory {

    @Override
    public String name() {
        return "srgan";
    }

    @Override
    public String description() {
        return "SRGAN (Ledig et al. 2017): super-resolution, residual generator with sub-pixel upsampling, pixel MSE + adversarial"
                + " (trains on high-resolution images; gan upscale; gan eval upscaling)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("scale", 4, 2, 8, "factor each side grows by: 2, 4 or 8 (inputs are the images shrunk by it, bicubic)"),
                OptionSpec.integer("blocks", 16, 0, 64, "residual blocks of the generator"),
                OptionSpec.integer("ngf", 64, 1, 1024, "generator channels"),
                OptionSpec.integer("ndf", 64, 1, 1024, "discriminator channels of the first layers (doubling to 8x)"),
                OptionSpec.real("adversarial-weight", 1e-3, 0, 1, "weight of the adversarial term next to the pixel MSE"),
                OptionSpec.real("pretrain", 0.5, 0, 1, "share of the steps trained by the content loss alone (SRResNet) before the"
                        + " discriminator joins"),
                OptionSpec.bool("adversarial", true, "train against the discriminator; false: SRResNet, the same generator by MSE alone"));
    }

    /** Each step updates the discriminator once, then the generator once, as in the paper. */
    @Override
    public boolean takesUpdateCounts() {
        return false;
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        Shape data = ctx.sampleShape();
        Options o = ctx.options();
        int scale = o.getInt("scale");
        if (Integer.bitCount(scale) != 1) {
            throw new IllegalArgumentException("srgan option scale=" + scale + " must be 2, 4 or 8");
        }
        if (data.dimension() != 3 || data.get(1) % scale != 0 || data.get(2) % scale != 0 || data.get(1) < 2L * scale) {
            throw new IllegalArgumentException("srgan learns from images (C, H, W) whose sides are multiples of scale=" + scale
                    + ", not samples " + data);
        }
        int channels = (int) data.get(0);
        return new SrGan(SrGanNetworks.generator(channels, scale, o.getInt("blocks"), o.getInt("ngf")),
                o.getBoolean("adversarial") ? SrGanNetworks.discriminator(o.getInt("ndf")) : null,
                ctx.loss(), o.getDouble("adversarial-weight"), o.getDouble("pretrain"), scale, data);
    }
}
