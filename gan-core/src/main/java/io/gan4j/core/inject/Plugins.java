package io.gan4j.core.inject;

import com.google.inject.Guice;
import io.gan4j.core.plugin.GanPlugin;
import io.gan4j.core.plugin.PluginLoader;
import io.gan4j.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.List;

/** {@code Plugins} is the entry point for hosts: discover plugins and get their registry. */
public final class Plugins {

    private Plugins() {}

    /** Returns the registry of the given plugins, wired by Guice. */
    public static PluginRegistry registry(List<GanPlugin> plugins) {
        return Guice.createInjector(new PluginModule(plugins)).getInstance(PluginRegistry.class);
    }

    /**
     * Discovers the plugins on the class path plus those in {@code pluginDirectory} (may be null),
     * and returns their registry.
     */
    public static PluginRegistry discover(Path pluginDirectory) {
        ClassLoader loader = PluginLoader.withPluginDirectory(pluginDirectory, Plugins.class.getClassLoader());
        return registry(PluginLoader.load(loader));
    }
}
