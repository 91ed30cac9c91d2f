package io.gan4j.core.model;

/**
 * A {@code TrainingFeature} is something a run can ask of training beyond the loss. A variant made
 * with {@link AdversarialVariant} from the run's {@link VariantContext} honours every one of them; a
 * variant that writes its own training step declares those it honours ({@link
 * GanVariantFactory#honours()}), and a run asking it for any other is refused before it starts.
 */
public enum TrainingFeature {

    /** A discriminator penalty ({@link VariantContext#penalty()}), added to D's loss. */
    PENALTY("penalty"),

    /** DiffAugment ({@link VariantContext#augmentation()}) applied to everything D sees. */
    AUGMENTATION("augment"),

    /** Top-k generator updates ({@link VariantContext#topK()}). */
    TOP_K("top-k");

    private final String key;

    TrainingFeature(String key) {
        this.key = key;
    }

    /**
     * Returns the run setting that asks for this feature (its config key and CLI option name).
     *
     * @return the run setting that asks for this feature (its config key and CLI option name)
     */
    public String key() {
        return key;
    }

    /**
     * Returns whether {@code context} asks for this feature.
     *
     * @param context what the run asks of the variant
     * @return whether {@code context} asks for this feature
     */
    public boolean requestedBy(VariantContext context) {
        return switch (this) {
            case PENALTY -> context.penalty().isPresent();
            case AUGMENTATION -> !context.augmentation().isNone();
            case TOP_K -> !context.topK().keepsEverySample();
        };
    }
}
