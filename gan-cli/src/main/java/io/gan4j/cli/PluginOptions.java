package io.gan4j.cli;

import io.gan4j.core.inject.Plugins;
import io.gan4j.core.plugin.PluginLoader;
import io.gan4j.core.plugin.PluginRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --plugins DIR} option shared by commands that use plugins. */
final class PluginOptions {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Directory of extra plugin jars (default: $" + PluginLoader.PLUGINS_ENV + " when set).")
    Path directory;

    /** Returns the registry of the built-in plugins plus those in the plugin directory. */
    PluginRegistry registry() {
        Path dir = directory;
        if (dir == null && System.getenv(PluginLoader.PLUGINS_ENV) != null && !System.getenv(PluginLoader.PLUGINS_ENV).isBlank()) {
            dir = Path.of(System.getenv(PluginLoader.PLUGINS_ENV));
        }
        return Plugins.discover(dir);
    }
}
