package io.gan4j.core.monitor;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.event.TrainingListener;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.spi.Options;
import io.gan4j.core.spi.PluginFactory;
import java.util.Map;

/**
 * A {@code MonitorFactory} creates a training monitor: a listener that watches a run while it trains
 * (a mode-collapse alarm, periodic FID) and reports through the trainer. Every run gets each
 * registered monitor that {@link #appliesTo applies} to its variant, with its effective options
 * recorded in {@code run.json}.
 */
public interface MonitorFactory extends PluginFactory {

    /**
     * Returns whether this monitor can watch a run of {@code variant}; a run that sets options of a
     * monitor that does not apply is refused.
     *
     * @param variant the run's variant
     * @return whether this monitor can watch a run of {@code variant}
     */
    default boolean appliesTo(GanVariant variant) {
        return true;
    }

    /**
     * Returns the effective options for a run on samples of {@code sampleShape}: the given ones plus
     * every default, as text (what {@code run.json} records).
     *
     * @param given the user's raw option values by name
     * @param sampleShape shape of one generated sample, without the batch axis
     * @return the effective options for a run on samples of {@code sampleShape}
     * @throws IllegalArgumentException on an unknown option or an invalid value
     */
    default Map<String, String> resolve(Map<String, String> given, Shape sampleShape) {
        return Options.resolve("monitor '" + name() + "'", options(), given).asText();
    }

    /**
     * Returns whether these effective options turn the monitor on (e.g. a check interval above 0). A
     * monitor that is off is recorded with its options but creates nothing, and may be given options for
     * a variant it does not {@link #appliesTo apply} to.
     *
     * @param options the monitor's resolved options
     * @return whether these effective options turn the monitor on
     */
    default boolean enabled(Map<String, String> options) {
        return true;
    }

    /**
     * Creates the monitor for a run; called only when its options {@link #enabled enable} it.
     *
     * @param options the resolved options
     * @param context the run being watched
     * @return the listener that watches the run
     */
    TrainingListener create(Options options, MonitorContext context);
}
