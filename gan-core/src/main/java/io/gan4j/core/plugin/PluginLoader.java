package io.gan4j.core.plugin;

import io.gan4j.core.spi.PluginFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code PluginLoader} finds {@link GanPlugin}s with {@link ServiceLoader}, on the class path and
 * in the jars of an optional plugin directory, and rejects duplicate names per kind.
 */
public final class PluginLoader {

    /** Environment variable naming a plugin directory, used when none is given explicitly. */
    public static final String PLUGINS_ENV = "GAN4J_PLUGINS";

    private PluginLoader() {}

    /**
     * Returns a class loader that sees the jars in {@code directory} (none when null) on top of
     * {@code parent}.
     *
     * @param directory a directory of plugin jars, or null for none
     * @param parent the class loader of gan4j itself
     * @return a class loader that sees the jars in {@code directory} (none when null) on top of {@code
     *     parent}
     * @throws IllegalArgumentException when the directory does not exist
     */
    public static ClassLoader withPluginDirectory(Path directory, ClassLoader parent) {
        if (directory == null) {
            return parent;
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("plugin directory not found: " + directory);
        }
        try (Stream<Path> files = Files.list(directory)) {
            URL[] jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().map(PluginLoader::toUrl).toArray(URL[]::new);
            return jars.length == 0 ? parent : new URLClassLoader(jars, parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin directory " + directory, e);
        }
    }

    /**
     * Loads every plugin visible to {@code loader} and checks that names are unique per kind.
     *
     * @param loader the class loader to search
     * @return the plugins, in the order the service loader found them
     * @throws IllegalArgumentException on a duplicate name or a plugin that cannot be instantiated
     */
    public static List<GanPlugin> load(ClassLoader loader) {
        List<GanPlugin> plugins = new ArrayList<>();
        try {
            ServiceLoader.load(GanPlugin.class, loader).forEach(plugins::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("cannot load a plugin: " + e.getMessage(), e);
        }
        checkUnique(plugins, "variant", GanPlugin::variants);
        checkUnique(plugins, "loss", GanPlugin::losses);
        checkUnique(plugins, "penalty", GanPlugin::penalties);
        checkUnique(plugins, "dataset", GanPlugin::datasets);
        checkUnique(plugins, "feature network", GanPlugin::featureNetworks);
        checkUnique(plugins, "monitor", GanPlugin::monitors);
        return plugins;
    }

    private static void checkUnique(List<GanPlugin> plugins, String kind, Function<GanPlugin, List<? extends PluginFactory>> factories) {
        Map<String, String> owners = new HashMap<>();
        for (GanPlugin plugin : plugins) {
            for (PluginFactory f : factories.apply(plugin)) {
                String owner = plugin.getClass().getName();
                String previous = owners.putIfAbsent(f.name(), owner);
                if (previous != null) {
                    throw new IllegalArgumentException("duplicate " + kind + " name '" + f.name() + "' from plugins "
                            + previous + " and " + owner);
                }
            }
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad plugin path " + path, e);
        }
    }
}
