package io.gan4j.eval.spark;

import io.gan4j.core.inject.Plugins;
import io.gan4j.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The plugin registry of an executor JVM, discovered once per plugin directory and shared by its tasks. */
final class ExecutorPlugins {

    private static final Map<String, PluginRegistry> REGISTRIES = new ConcurrentHashMap<>();

    private ExecutorPlugins() {}

    /** Returns the built-in plugins plus those in {@code directory} (null for none). */
    static PluginRegistry registry(String directory) {
        return REGISTRIES.computeIfAbsent(directory == null ? "" : directory,
                d -> Plugins.discover(d.isEmpty() ? null : Path.of(d)));
    }
}
