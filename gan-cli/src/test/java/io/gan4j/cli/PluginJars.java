package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Block;
import io.gan4j.core.plugin.GanPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles a plugin's sources from test resources against gan-core and DJL only, and jars it. */
final class PluginJars {

    private PluginJars() {}

    static Path build(String resourceDir, String pluginClass, Path workDir) throws IOException, URISyntaxException {
        return build(Path.of(PluginJars.class.getResource("/" + resourceDir).toURI()), resourceDir, pluginClass, workDir);
    }

    /** Compiles the plugin sources under {@code src} and jars them as {@code name.jar} in a directory of its own, which it returns. */
    static Path build(Path src, String resourceDir, String pluginClass, Path workDir) throws IOException, URISyntaxException {
        Path classes = Files.createDirectories(workDir.resolve(resourceDir + "-classes"));
        List<String> sources;
        try (Stream<Path> files = Files.walk(src)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        String classpath = location(GanPlugin.class) + java.io.File.pathSeparator + location(Block.class);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String[] args = Stream.concat(Stream.of("-d", classes.toString(), "-classpath", classpath, "--release", "17"),
                sources.stream()).toArray(String[]::new);
        assertThat(javac.run(null, null, null, args)).as("javac exit status").isZero();
        Path pluginDir = Files.createDirectories(workDir.resolve(resourceDir + "-plugins"));
        Path jar = pluginDir.resolve(resourceDir + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + GanPlugin.class.getName()));
            ((OutputStream) out).write((pluginClass + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return pluginDir;
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
