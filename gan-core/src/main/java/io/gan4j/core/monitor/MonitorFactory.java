package io.gan4j.core.monitor;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.event.TrainingListener;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.plugin.Options;
import io.gan4j.core.plugin.PluginFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code MonitorFactory} creates a training monitor: a listener that watches a run while it trains
 * (a mode-collapse alarm, periodic FID) and reports through the trainer. Every run gets each
 * registered monitor that {@link #appliesTo applies} to its variant, with its effective options
 * recorded in {@code run.json}; a monitor whose options turn it off creates nothing.
 */
public interface MonitorFactory extends PluginFactory {

    /**
     * Returns whether this monitor can watch a run of {@code variant}; a run that sets options of a
     * monitor that does not apply is refused.
     */
    default boolean appliesTo(GanVariant variant) {
        return true;
    }

    /**
     * Returns the effective options for a run on samples of {@code sampleShape}: the given ones plus
     * every default, as text (what {@code run.json} records).
     *
     * @throws IllegalArgumentException on an unknown option or an invalid value
     */
    default Map<String, String> resolve(Map<String, String> given, Shape sampleShape) {
        Map<String, String> resolved = new LinkedHashMap<>();
        Options.resolve("monitor '" + name() + "'", options(), given).asMap().forEach((k, v) -> resolved.put(k, String.valueOf(v)));
        return resolved;
    }

    /**
     * Creates the monitor for a run, or returns empty when its options turn it off.
     *
     * @param options the resolved options
     * @param context the run being watched
     */
    Optional<TrainingListener> create(Options options, MonitorContext context);
}
