package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java in README.md and docs/ cannot drift from the code: every {@code ```java} block is preceded
 * by {@code <!-- snippet: PATH[#NAME] -->} and must equal that compiled source (or its region between
 * {@code // snippet NAME} and {@code // end NAME}, dedented). The sources are compiled by the build or,
 * for plugin examples, by the tests that jar and run them.
 *
 * <p>After changing an example's source, {@code mvn -pl gan-cli test -Dtest=DocsSnippetsTest
 * -Dgan4j.docs.update=true} rewrites the pages' blocks.
 */
final class DocsSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("(<!-- snippet: ([^#\\s]+)(?:#(\\S+))? -->\\n)?```java\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern MARKER = Pattern.compile("\\s*// (snippet|end) [a-z-]+");
    private static final Pattern COMPILED = Pattern.compile(".*/src/(main|test)/java/.*\\.java|gan-cli/src/test/resources/[a-z-]+-plugin/.*\\.java");

    @Test
    void everyJavaBlockInTheDocsIsACompiledSource() throws IOException {
        boolean update = Boolean.getBoolean("gan4j.docs.update");
        int blocks = 0;
        List<String> drifted = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page);
            StringBuilder rewritten = new StringBuilder();
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                blocks++;
                String where = ROOT.relativize(page) + " block " + blocks;
                assertThat(m.group(1)).as(where + " has no <!-- snippet: PATH#NAME --> line before it").isNotNull();
                assertThat(m.group(2)).as(where + ": a source the build or the tests compile").matches(COMPILED);
                String expected = snippet(ROOT.resolve(m.group(2)), m.group(3));
                if (!expected.equals(m.group(4))) {
                    drifted.add(where + " (" + m.group(2) + (m.group(3) == null ? "" : "#" + m.group(3)) + ")");
                }
                m.appendReplacement(rewritten, Matcher.quoteReplacement(m.group(1) + "```java\n" + expected + "```"));
            }
            m.appendTail(rewritten);
            if (update && !rewritten.toString().equals(text)) {
                Files.writeString(page, rewritten.toString());
            }
        }
        assertThat(blocks).as("java blocks in README.md and docs/").isGreaterThanOrEqualTo(8);
        if (!update) {
            assertThat(drifted).as("blocks that differ from their source; rerun with -Dgan4j.docs.update=true").isEmpty();
        }
    }

    @Test
    void everyRelativeLinkInTheDocsLeadsToAFile() throws IOException {
        List<String> broken = new ArrayList<>();
        Pattern link = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)\\s]*)?\\)");
        for (Path page : pages()) {
            Matcher m = link.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (!target.matches("[a-z]+:.*") && !Files.exists(page.getParent().resolve(target))) {
                    broken.add(ROOT.relativize(page) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    /** Returns the whole file, or the dedented lines between its {@code // snippet NAME} and {@code // end NAME}. */
    static String snippet(Path source, String name) throws IOException {
        assertThat(source).as("snippet source").exists();
        List<String> lines = Files.readAllLines(source);
        List<String> region = lines;
        if (name != null) {
            region = lines.subList(indexOf(lines, "// snippet " + name, source) + 1, indexOf(lines, "// end " + name, source));
        }
        // Other snippets' markers inside the shown text are not shown.
        region = region.stream().filter(l -> !MARKER.matcher(l).matches()).toList();
        int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : region) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }

    private static int indexOf(List<String> lines, String marker, Path source) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError(source + " has no line '" + marker + "'");
    }

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }
}
