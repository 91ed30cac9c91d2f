package io.gan4j.core.model;

import io.gan4j.core.plugin.PluginFactory;

/** A {@code GanVariantFactory} creates a {@link GanVariant} for a dataset shape and a loss. */
public interface GanVariantFactory extends PluginFactory {

    /**
     * Creates the variant with uninitialized networks.
     *
     * @param context options, data shape and loss
     * @return the variant
     * @throws IllegalArgumentException when the data does not suit the variant, saying what it needs
     */
    GanVariant create(VariantContext context);

    /** Returns the loss plugin a run uses unless told otherwise ({@code ns}, the non-saturating loss). */
    default String defaultLoss() {
        return "ns";
    }

    /**
     * Returns the fraction of a run's budget over which, by default, learning rates decay linearly
     * to 0 at its end (CycleGAN: the second half); 0 keeps them constant.
     */
    default double learningRateDecayFraction() {
        return 0;
    }

    /**
     * Returns whether the variant's training step runs a run's discriminator and generator updates per
     * step ({@link StepContext#discriminatorSteps()}, {@link StepContext#generatorSteps()}). A variant
     * that returns {@code false} updates each of its networks once per step; runs asking it for other
     * counts are refused before training starts.
     */
    default boolean takesUpdateCounts() {
        return true;
    }
}
