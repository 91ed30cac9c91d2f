package io.gan4j.models.inpainting;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.engine.EngineCapability;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import java.util.List;
import java.util.Set;

/**
 * Creates {@link ContextEncoder}s with the reference's center-region defaults: a hole of half the
 * side, w = 0.999, the non-saturating loss, Adam 2e-4/β1 0.5 from the trainer, 64 channels.
 *
 * <p>Departures from the reference: the bottleneck has 512 channels by default (the reference's 4,000
 * are for 128-px photos), the hole is blanked to mid-grey rather than the data set's mean colour, and
 * the prediction is exactly the hole, without the reference's 4-pixel overlap weighted tenfold.
 */
public final class ContextEncoderFactory implements GanVariantFactory {

    @Override
    public String name() {
        return "context-encoder";
    }

    @Override
    public String description() {
        return "Context encoder (Pathak et al. 2016): fills the central hole of images, L2 + adversarial (gan inpaint;"
                + " gan eval inpainting)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("hole", 0, 0, 4096, "side of the central square to fill (0: half the image side)"),
                OptionSpec.integer("nef", 64, 1, 1024, "channels of the encoder's first convolution, doubling per stage (the decoder mirrors them)"),
                OptionSpec.integer("ndf", 64, 1, 1024, "discriminator channels of the first layer"),
                OptionSpec.integer("bottleneck", 512, 1, 16_384, "channels of the encoder's 1x1 code"),
                OptionSpec.real("reconstruction-weight", 0.999, 0, 1, "w: the squared error's share of the generator's objective"),
                OptionSpec.bool("adversarial", true, "train against the discriminator; false: the same encoder by L2 alone (the paper's baseline)"));
    }

    /** The decoder upsamples with transposed convolutions. */
    @Override
    public Set<EngineCapability> requires() {
        return Set.of(EngineCapability.TRANSPOSED_CONVOLUTION);
    }

    /** Each step updates the discriminator once, then the generator once, as the reference does. */
    @Override
    public boolean takesUpdateCounts() {
        return false;
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        Shape data = ctx.sampleShape();
        if (data.dimension() != 3 || data.get(1) != data.get(2)) {
            throw new IllegalArgumentException("context-encoder fills holes in square images (C, S, S), not samples " + data);
        }
        Options o = ctx.options();
        int side = (int) data.get(1);
        int hole = o.getInt("hole") == 0 ? side / 2 : o.getInt("hole");
        if (hole < 2 || hole > side - 2) {
            throw new IllegalArgumentException("context-encoder option hole=" + hole + " must leave context: 2.." + (side - 2)
                    + " for " + side + "-px images");
        }
        int channels = (int) data.get(0);
        return new ContextEncoder(ContextEncoderNetworks.generator(channels, side, hole, o.getInt("nef"), o.getInt("bottleneck")),
                o.getBoolean("adversarial") ? ContextEncoderNetworks.discriminator(hole, o.getInt("ndf")) : null,
                ctx.loss(), o.getDouble("reconstruction-weight"), data, hole);
    }
}
