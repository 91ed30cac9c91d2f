package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.engine.EngineChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code gan} command line of README.md's quick starts runs and exits with status 0 (in this JVM,
 * in order, with the README's own small budgets; {@code runs/} and {@code my-plugins/} point into a
 * temporary directory). The README's two commands are the ones CI and a newcomer run.
 */
final class ReadmeCommandsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String LAUNCHER = "gan-cli/bin/gan ";

    @TempDir
    Path tmp;

    @AfterEach
    void backToTheDefaultEngine() {
        EngineChoice.use("mxnet");  // a quick-start line chooses PyTorch; the engine is process-wide
    }

    @Test
    void theQuickStartCommandsRun() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> commands = new ArrayList<>();
        Matcher sections = Pattern.compile("(?ms)^## Quick start[^\\n]*\\n(.*?)(?=^## )").matcher(readme);
        while (sections.find()) {
            Matcher blocks = Pattern.compile("(?s)```bash\\n(.*?)```").matcher(sections.group(1));
            while (blocks.find()) {
                blocks.group(1).lines().map(String::strip).filter(l -> l.startsWith(LAUNCHER)).forEach(commands::add);
            }
        }
        assertThat(commands).as("gan command lines in the quick starts").hasSizeGreaterThanOrEqualTo(10);

        Path plugins = PluginJars.build("docs-plugin", "org.example.plugins.ExamplePlugin", tmp);
        for (String line : commands) {
            List<String> args = new ArrayList<>();
            for (String word : line.substring(LAUNCHER.length()).replaceFirst("\\s+#.*$", "").split("\\s+")) {
                args.add(word.startsWith("runs/") ? tmp.resolve(word).toString()
                        : word.equals("my-plugins/") ? plugins.toString() : word);
            }
            Cli cli = Cli.run(args.toArray(String[]::new));
            assertThat(cli.exitCode()).as(line + "\n" + cli.err()).isZero();
        }
        assertThat(tmp.resolve("runs/quick/grid.png")).isNotEmptyFile();
        assertThat(tmp.resolve("runs/cgan/sevens.png")).isNotEmptyFile();
    }

    @Test
    void theTwoCommandsAreTheBuildWithTheDemoAndTheTestsCiRuns() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("mvn -q -B -DskipTests package && gan-cli/bin/gan train dcgan --out runs/demo\n")
                .contains("\nmvn -B test\n");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).containsPattern("(?m)^mvn -B test$");
        assertThat(readme.lines().count()).as("README.md stays a front page").isLessThanOrEqualTo(250);
    }
}
