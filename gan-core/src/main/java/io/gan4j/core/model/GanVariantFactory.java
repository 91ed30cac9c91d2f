package io.gan4j.core.model;

import io.gan4j.core.spi.PluginFactory;
import java.util.Set;

/**
 * A {@code GanVariantFactory} creates a {@link GanVariant} for a dataset shape and a loss.
 *
 * <p>A variant made of one generator and one discriminator returns {@code new
 * AdversarialVariant(generator, discriminator, context)}: the framework then applies the run's loss,
 * penalty, augmentation and top-k updates, and the trainer its weight average, without the plugin
 * forwarding anything. A variant that writes its own training step says which {@link TrainingFeature}s
 * it honours in {@link #honours()}; a run asking for another is refused before anything is written.
 */
public interface GanVariantFactory extends PluginFactory {

    /**
     * Creates the variant with uninitialized networks.
     *
     * @param context options, data shape and loss
     * @return the variant
     * @throws IllegalArgumentException when the data does not suit the variant, saying what it needs
     */
    GanVariant create(VariantContext context);

    /**
     * Returns the loss plugin a run uses unless told otherwise ({@code ns}, the non-saturating loss).
     *
     * @return the loss plugin a run uses unless told otherwise ({@code ns}, the non-saturating loss)
     */
    default String defaultLoss() {
        return "ns";
    }

    /**
     * Returns the fraction of a run's budget over which, by default, learning rates decay linearly
     * to 0 at its end (CycleGAN: the second half); 0 keeps them constant.
     *
     * @return the fraction of a run's budget over which, by default, learning rates decay linearly to 0 at
     *     its end (CycleGAN: the second half)
     */
    default double learningRateDecayFraction() {
        return 0;
    }

    /**
     * Returns whether the variant's training step runs a run's discriminator and generator updates per
     * step ({@link StepContext#discriminatorSteps()}, {@link StepContext#generatorSteps()}). A variant
     * that returns {@code false} updates each of its networks once per step; runs asking it for other
     * counts are refused before training starts.
     *
     * @return whether the variant's training step runs a run's discriminator and generator updates per step
     *     ({@link StepContext#discriminatorSteps()}, {@link StepContext#generatorSteps()})
     */
    default boolean takesUpdateCounts() {
        return true;
    }

    /**
     * Returns whether the variant learns from aligned pairs of images (pix2pix): samples (2, C, H, W)
     * whose B image is the counterpart of their A image, gan-data's {@code paired:A|B}. Two domains given
     * separately ({@code RunBuilder.optDomains}) are then paired by index instead of served as unrelated
     * images ({@code unpaired:A|B}, CycleGAN), and unpaired data are refused.
     *
     * @return whether the variant learns from aligned pairs of images
     */
    default boolean alignedDomains() {
        return false;
    }

    /**
     * Returns the training features a variant of this factory honours when it is not an {@link
     * AdversarialVariant} made from the run's context (which honours them all): none by default.
     *
     * @return the training features a variant of this factory honours when it is not an {@link
     *     AdversarialVariant} made from the run's context (which honours them all)
     */
    default Set<TrainingFeature> honours() {
        return Set.of();
    }
}
