package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No package of the main sources depends, through imports, on a package that depends back on it (Maven orders the modules). */
final class PackageCyclesTest {

    private static final Pattern PACKAGE = Pattern.compile("^package (io\\.gan4j[\\w.]*);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (io\\.gan4j[\\w.]*)\\.[A-Z]\\w*;", Pattern.MULTILINE);

    @Test
    void thereAreNoPackageCycles() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            sources = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(200);
        for (Path source : sources) {
            String text = Files.readString(source);
            Matcher p = PACKAGE.matcher(text);
            if (!p.find()) {
                continue;
            }
            Set<String> used = imports.computeIfAbsent(p.group(1), k -> new TreeSet<>());
            Matcher i = IMPORT.matcher(text);
            while (i.find()) {
                if (!i.group(1).equals(p.group(1))) {
                    used.add(i.group(1));
                }
            }
        }
        assertThat(cycles(imports)).isEmpty();
    }

    /** Returns the strongly connected components of more than one package (Tarjan). */
    private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                visit(start, graph, index, low, stack, found);
            }
        }
        return found;
    }

    private static void visit(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
            Deque<String> stack, List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                visit(w, graph, index, low, stack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
