package io.gan4j.models.semisupervised;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import java.util.List;

/**
 * Creates {@link SemiSupervisedGan} runs with the reference's MNIST networks and weights (unlabelled
 * weight 1, 100-dimensional noise). The reference trains with Adam at 3·10⁻³, β1 = 0.5 and batches of
 * 100; 10⁻³ did better here ({@code --lr 1e-3 --batch 100}). Its data are {@code fewlabels:N@SPEC}.
 * Departures: no data-dependent initialization of the weight-normalized layers, batch norms with a
 * learned scale in the generator, and noise N(0, 1) rather than U(0, 1), so that every sampler draws
 * the prior.
 */
public final class SemiSupervisedGanFactory implements GanVariantFactory {

    @Override
    public String name() {
        return "sgan";
    }

    @Override
    public String description() {
        return "Semi-supervised GAN (Salimans et al. 2016, feature matching): a K-class discriminator learns from few labels"
                + " (gan train sgan --data fewlabels:100@SPEC; gan classify)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.real("unlabelled-weight", 1, 0, 100, "weight of the unlabelled (real/fake) part of the discriminator's loss"),
                OptionSpec.integer("latent", 100, 1, 4096, "noise dimensions of the generator"),
                OptionSpec.integer("ngf", 500, 1, 16_384, "width of the generator's two hidden layers"),
                OptionSpec.real("width", 1, 0.01, 16, "scale of the discriminator's hidden widths (1000, 500, 250, 250, 250)"),
                OptionSpec.bool("adversarial", true, "learn from the unlabelled images with a generator; false: the classifier on the"
                        + " labelled examples alone"),
                OptionSpec.bool("augment", false, "shift the labelled images at random by up to 1/8 of the side (the baseline's"
                        + " standard augmentation)"));
    }

    /** Each step updates the discriminator once, then the generator once, as the reference does. */
    @Override
    public boolean takesUpdateCounts() {
        return false;
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        Shape data = ctx.sampleShape();
        if (data.dimension() != 4 || data.get(0) != 2 || ctx.numClasses() < 2) {
            throw new IllegalArgumentException("sgan learns from a few labelled and many unlabelled images: give --data"
                    + " fewlabels:N@SPEC (e.g. fewlabels:100@idx:IMAGES,LABELS), not data with samples " + data);
        }
        Options o = ctx.options();
        Shape image = data.slice(1);
        int classes = ctx.numClasses();
        return new SemiSupervisedGan(SemiSupervisedNetworks.generator(image, o.getInt("ngf")),
                SemiSupervisedNetworks.discriminator(classes, o.getDouble("width")), image, classes, o.getInt("latent"),
                o.getDouble("unlabelled-weight"), o.getBoolean("adversarial"), o.getBoolean("augment"));
    }
}
