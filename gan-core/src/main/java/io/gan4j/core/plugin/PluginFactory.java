package io.gan4j.core.plugin;

import java.util.List;

/**
 * A {@code PluginFactory} is the common face of everything a {@link GanPlugin} contributes: a
 * unique kebab-case name within its kind, a one-line description and the typed options it accepts.
 *
 * <p>Factories are stateless and thread-safe; they create the working objects on demand.
 */
public interface PluginFactory {

    /** Returns the kebab-case name users select this factory by, e.g. {@code "dcgan"}. */
    String name();

    /** Returns a one-line description shown by {@code gan list}. */
    String description();

    /** Returns the options this factory accepts, with types, defaults and bounds. */
    default List<OptionSpec> options() {
        return List.of();
    }
}
