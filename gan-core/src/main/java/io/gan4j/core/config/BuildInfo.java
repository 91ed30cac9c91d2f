package io.gan4j.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The gan4j build this code comes from: its Maven version and the git commit it was built from, as
 * recorded at build time in {@code io/gan4j/core/build.properties}. {@code run.json} and
 * {@code gan --version} report it.
 *
 * @param version the Maven version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit the abbreviated commit id, or {@code unknown} when built outside a git checkout
 * @param dirty whether the working tree had uncommitted changes when it was built
 */
public record BuildInfo(String version, String commit, boolean dirty) {

    private static final BuildInfo CURRENT = load();

    /** Returns the build of the gan-core classes loaded now. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** Returns {@code version (commit)}, with {@code -dirty} after a commit built with uncommitted changes. */
    @Override
    public String toString() {
        return version + " (" + commit + (dirty ? "-dirty" : "") + ")";
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/gan4j/core/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(resolved(p.getProperty("version")), resolved(p.getProperty("commit")),
                "true".equals(p.getProperty("dirty")));
    }

    /** An unfiltered placeholder (a build without Maven or without git) reads as unknown. */
    private static String resolved(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
