package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java examples cannot drift: the plugin example is compiled and trained, the library example is the tested program. */
final class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path tmp;

    @Test
    void thePluginExampleCompilesAsAnOutOfTreeJarAndTrains() throws Exception {
        String example = javaBlockAfter("## Writing a plugin");
        Path src = Files.createDirectories(tmp.resolve("readme-plugin/org/example/readme"));
        Files.writeString(src.resolve("MlpGanPlugin.java"), """
                package org.example.readme;

                import ai.djl.ndarray.types.Shape;
                import ai.djl.nn.Activation;
                import ai.djl.nn.Block;
                import ai.djl.nn.SequentialBlock;
                import ai.djl.nn.core.Linear;
                import io.gan4j.core.model.*;
                import io.gan4j.core.plugin.*;
                import io.gan4j.core.spi.*;
                import java.util.List;

                """ + example);
        Path plugins = PluginJars.build(tmp.resolve("readme-plugin"), "readme-plugin", "org.example.readme.MlpGanPlugin", tmp);
        Cli train = Cli.run("train", "mlp-gan", "--plugins", plugins.toString(), "--data", "ring8:300", "--steps", "3",
                "--out", tmp.resolve("run").toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
    }

    @Test
    void theLibraryExampleIsTheQuickStartTheTestsRun() throws Exception {
        Set<String> program = Files.readAllLines(Path.of("src/test/java/io/gan4j/examples/QuickStart.java")).stream()
                .map(ReadmeExamplesTest::code).collect(Collectors.toSet());
        List<String> example = javaBlockAfter("## Using the modules as libraries").lines().map(ReadmeExamplesTest::code)
                .filter(line -> !line.isEmpty()).toList();
        assertThat(example).hasSizeGreaterThan(5);
        assertThat(program).containsAll(example);
    }

    /** Returns a line without indentation and end-of-line comment. */
    private static String code(String line) {
        int comment = line.indexOf("  //");
        return (comment >= 0 ? line.substring(0, comment) : line).strip();
    }

    private static String javaBlockAfter(String heading) throws Exception {
        String readme = Files.readString(README);
        int section = readme.indexOf("\n" + heading + "\n");
        assertThat(section).as(heading).isPositive();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
