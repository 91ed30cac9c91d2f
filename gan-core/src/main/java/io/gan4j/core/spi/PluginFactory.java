package io.gan4j.core.spi;

import io.gan4j.core.engine.EngineCapability;
import java.util.List;
import java.util.Set;

/**
 * A {@code PluginFactory} is the common face of everything a {@link io.gan4j.core.plugin.GanPlugin} contributes: a
 * unique kebab-case name within its kind, a one-line description and the typed options it accepts.
 *
 * <p>Factories are stateless and thread-safe; they create the working objects on demand.
 */
public interface PluginFactory {

    /**
     * Returns the kebab-case name users select this factory by, e.g. {@code "dcgan"}.
     *
     * @return the kebab-case name users select this factory by, e.g
     */
    String name();

    /**
     * Returns a one-line description shown by {@code gan list}.
     *
     * @return a one-line description shown by {@code gan list}
     */
    String description();

    /**
     * Returns the options this factory accepts, with types, defaults and bounds.
     *
     * @return the options this factory accepts, with types, defaults and bounds
     */
    default List<OptionSpec> options() {
        return List.of();
    }

    /**
     * Returns what this plugin needs from the DJL engine; a run on an engine without one of them fails
     * at start with a message that names an engine that has it.
     *
     * @return what this plugin needs from the DJL engine
     */
    default Set<EngineCapability> requires() {
        return Set.of();
    }
}
