package io.gan4j.core.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import io.gan4j.core.io.Sha256;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code PluginProvenance} records where one plugin a run uses came from: the jar its factory was
 * loaded from, the jar's version and SHA-256, so a run can be reproduced with the same code.
 *
 * @param kind what the plugin provides, e.g. {@code variant}
 * @param name the plugin's name within its kind, e.g. {@code dcgan}
 * @param jar the jar's file name, or the class directory when not loaded from a jar
 * @param version the jar manifest's implementation version, or {@code null} when it has none
 * @param sha256 the jar's SHA-256 in hex, or {@code null} for a class directory
 */
public record PluginProvenance(String kind, String name, String jar, String version, String sha256) {

    private static final Map<Path, String> HASHES = new ConcurrentHashMap<>();

    /** Returns the provenance of the named factory of {@code plugin} (the plugin's entry-point object). */
    public static PluginProvenance of(String kind, String name, Object plugin) {
        Class<?> type = plugin.getClass();
        Path location = location(type);
        boolean jar = location != null && Files.isRegularFile(location);
        return new PluginProvenance(kind, name, location == null ? "unknown" : jar ? location.getFileName().toString() : location.toString(),
                type.getPackage() == null ? null : type.getPackage().getImplementationVersion(),
                jar ? HASHES.computeIfAbsent(location, Sha256::of) : null);
    }

    private static Path location(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

}
