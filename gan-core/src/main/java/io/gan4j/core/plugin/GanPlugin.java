package io.gan4j.core.plugin;

import io.gan4j.core.data.DatasetFactory;
import io.gan4j.core.eval.FeatureNetworkFactory;
import io.gan4j.core.loss.LossFactory;
import io.gan4j.core.loss.PenaltyFactory;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.monitor.MonitorFactory;
import java.util.List;

/**
 * A {@code GanPlugin} is the single entry point of a jar that extends gan4j, found with {@link
 * java.util.ServiceLoader} through {@code META-INF/services/io.gan4j.core.plugin.GanPlugin}.
 *
 * <p>A plugin overrides only the methods for what it provides; every method returns factories, never
 * live objects, and no dependency-injection types appear here (wiring is the host's business).
 * Names must be unique per kind across all loaded plugins: a duplicate fails at start.
 */
public interface GanPlugin {

    /**
     * Returns the GAN variants (networks plus training step) this plugin provides.
     *
     * @return the GAN variants (networks plus training step) this plugin provides
     */
    default List<GanVariantFactory> variants() {
        return List.of();
    }

    /**
     * Returns the adversarial losses this plugin provides.
     *
     * @return the adversarial losses this plugin provides
     */
    default List<LossFactory> losses() {
        return List.of();
    }

    /**
     * Returns the discriminator penalties (gradient penalties) this plugin provides.
     *
     * @return the discriminator penalties (gradient penalties) this plugin provides
     */
    default List<PenaltyFactory> penalties() {
        return List.of();
    }

    /**
     * Returns the feature networks (for metrics) this plugin provides.
     *
     * @return the feature networks (for metrics) this plugin provides
     */
    default List<FeatureNetworkFactory> featureNetworks() {
        return List.of();
    }

    /**
     * Returns the dataset kinds (spec schemes such as {@code idx}) this plugin provides.
     *
     * @return the dataset kinds (spec schemes such as {@code idx}) this plugin provides
     */
    default List<DatasetFactory> datasets() {
        return List.of();
    }

    /**
     * Returns the training monitors (listeners attached to every run, e.g. a collapse alarm) this plugin provides.
     *
     * @return the training monitors this plugin provides
     */
    default List<MonitorFactory> monitors() {
        return List.of();
    }
}
