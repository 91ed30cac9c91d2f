package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.config.BuildInfo;
import io.gan4j.eval.report.MetricCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line guides: whole-sentence summaries, suggestions for typos, a complete list, a traceable version. */
final class CliGuidanceTest {

    @Test
    void everyCommandSummaryIsOneCompleteSentence() {
        List<String> summaries = new ArrayList<>();
        collect(new CommandLine(new GanCommand()), summaries);
        assertThat(summaries).hasSizeGreaterThan(10);
        for (String summary : summaries) {
            assertThat(summary).as("summary of a command").matches("gan [a-z -]+: [A-Z].*\\.$");
        }
    }

    private static void collect(CommandLine command, List<String> summaries) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!sub.getCommandName().equals("help")) {
                String[] description = sub.getCommandSpec().usageMessage().description();
                summaries.add(sub.getCommandSpec().qualifiedName() + ": " + description[0]);
                collect(sub, summaries);
            }
        }
    }

    @Test
    void theCliPageNamesEveryCommandAndOption() throws IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "cli.md"));
        List<String> missing = new ArrayList<>();
        check(new CommandLine(new GanCommand()), page, missing);
        assertThat(missing).as("commands and options docs/cli.md does not name").isEmpty();
    }

    /** Each command has a section headed by its name, which names each of its options (help and version aside). */
    private static void check(CommandLine command, String page, List<String> missing) {
        for (CommandLine sub : command.getSubcommands().values()) {
            String name = sub.getCommandSpec().qualifiedName();
            if (name.endsWith(" help")) {
                continue;
            }
            java.util.regex.Matcher section = java.util.regex.Pattern.compile("(?ms)^#+ " + java.util.regex.Pattern.quote(name)
                    + "\\n(.*?)(?=^#+ |\\z)").matcher(page);
            if (!section.find()) {
                missing.add(name);
                continue;
            }
            for (CommandLine.Model.OptionSpec option : sub.getCommandSpec().options()) {
                String longest = option.longestName();
                boolean named = java.util.Arrays.stream(option.names())
                        .anyMatch(n -> section.group(1).contains("`" + n) || section.group(1).contains(" " + n + " "));
                if (!longest.equals("--help") && !longest.equals("--version") && !named) {
                    missing.add(name + " " + longest);
                }
            }
            check(sub, page, missing);
        }
    }

    @Test
    void mistypedCommandsOptionsAndPluginsGetASuggestion() {
        Cli command = Cli.run("trian");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).contains("unknown command 'trian' (did you mean train?)");
        Cli option = Cli.run("train", "--step", "3");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("unknown option '--step' (did you mean --steps?)");
        Cli variant = Cli.run("train", "dcgn", "--dry-run");
        assertThat(variant.exitCode()).isEqualTo(2);
        assertThat(variant.err()).contains("unknown variant 'dcgn' (did you mean dcgan?)").doesNotContain("\tat ");
        Cli variantOption = Cli.run("train", "dcgan", "-o", "widht=8", "--dry-run");
        assertThat(variantOption.exitCode()).isEqualTo(2);
        assertThat(variantOption.err()).contains("(did you mean width?)");
        Cli unrelated = Cli.run("train", "--zzzzzz");
        assertThat(unrelated.err()).contains("unknown option '--zzzzzz'").doesNotContain("did you mean");
    }

    @Test
    void listShowsFeatureNetworksAndEveryMetric() {
        Cli list = Cli.run("list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("feature networks", "lenet-mnist", "inception", "metrics (gan eval --metrics");
        for (String metric : MetricCatalog.NAMES) {
            assertThat(list.out()).containsPattern("(?m)^  " + metric + " +\\S");
        }
    }

    @Test
    void versionNamesTheMavenVersionAndTheCommitItWasBuiltFrom() throws Exception {
        Cli version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("gan4j " + BuildInfo.current().version() + " (").contains("DJL 0.35.1");
        assertThat(BuildInfo.current().version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        String head = gitHead();
        if (head != null) {  // a build from a git checkout (CI's is one) names its commit
            assertThat(BuildInfo.current().commit()).isEqualTo(head);
        }
    }

    /** Returns the checkout's abbreviated HEAD, or null outside a git checkout. */
    private static String gitHead() throws IOException, InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=10", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }
}
