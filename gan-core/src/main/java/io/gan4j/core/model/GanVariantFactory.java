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
}
