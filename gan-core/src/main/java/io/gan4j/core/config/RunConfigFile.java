package io.gan4j.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * {@code RunConfigFile} reads a {@link RunConfig} from a YAML or JSON file, or from an earlier run's
 * {@code run.json} (its {@code spec}, which repeats that run). Reading is strict: an unknown key, a
 * value of the wrong type and a duplicate key are refused with the file, the line and, for unknown
 * keys, the valid ones; files over {@value #MAX_BYTES} bytes, deep nesting and YAML alias bombs are
 * refused before they can cost memory.
 */
public final class RunConfigFile {

    /** The largest config file read, in bytes. */
    public static final long MAX_BYTES = 1 << 20;

    private static final int MAX_DEPTH = 20;

    private RunConfigFile() {}

    /**
     * Reads a config file: YAML unless its name ends in {@code .json}.
     *
     * @throws IllegalArgumentException naming the file (and line) when it is missing, too large or invalid
     */
    public static RunConfig read(Path file) {
        return read(file, RunConfig.class);
    }

    /**
     * Reads a YAML or JSON document (YAML unless its name ends in {@code .json}) as {@code type}, as
     * strictly and with the same limits as a config file: other documents built on configs, such as
     * sweeps, use it. A {@code RunConfig} may also be read from a {@code run.json} (its {@code spec}).
     *
     * @param file the file
     * @param type what the document holds
     * @param <T> the document's type
     * @return the document, or null when {@code type} is not {@code RunConfig} and the file is empty
     * @throws IllegalArgumentException naming the file (and line) when it is missing, too large or invalid
     */
    public static <T> T read(Path file, Class<T> type) {
        Objects.requireNonNull(file, "file is null");
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException((type == RunConfig.class ? "config" : "input") + " file not found: " + file);
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException(file + " has " + size + " bytes; config files are at most " + MAX_BYTES + " bytes");
            }
            ObjectMapper mapper = mapper(file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"));
            JsonNode tree = mapper.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return type == RunConfig.class ? type.cast(RunConfig.EMPTY) : null;
            }
            if (!tree.isObject()) {
                throw new IllegalArgumentException(file + ": a config is a mapping of keys to values, got " + tree.getNodeType()
                        .toString().toLowerCase(Locale.ROOT));
            }
            if (type == RunConfig.class && tree.has("spec")) {
                // An earlier run's run.json: its spec is the config, the rest the record of what ran.
                return type.cast(mapper.readValue(file.toFile(), RecordConfig.class).spec());
            }
            return mapper.readValue(file.toFile(), type);
        } catch (UnrecognizedPropertyException e) {
            String valid = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw new IllegalArgumentException(file + ":" + keyLine(file, String.valueOf(e.getPropertyName()), e) + ": unknown key '"
                    + path(e) + "'; valid keys"
                    + (e.getPath().size() > 1 ? " there" : "") + ": " + valid, e);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(where(file, e) + firstLine(e) + (e.getPath().isEmpty() ? "" : " (at '" + path(e) + "')"), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where(file, e) + firstLine(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
    }

    /**
     * Returns {@code base} with settings replaced by their key paths, e.g. {@code training.seed} or
     * {@code variantOptions.width}, as a sweep varies them. Setting {@code training.steps} drops the base's
     * {@code training.epochs} and the other way round. Values are checked as strictly as a file's.
     *
     * @param base the config the settings apply to
     * @param settings values by key path, in order
     * @param source names where the settings come from in error messages, e.g. {@code sweep.yaml}
     * @return the new config
     * @throws IllegalArgumentException naming the source and the key when a key is unknown or a value invalid
     */
    public static RunConfig withSettings(RunConfig base, Map<String, ?> settings, String source) {
        ObjectMapper mapper = mapper(true);
        com.fasterxml.jackson.databind.node.ObjectNode tree = mapper.valueToTree(base);
        for (Map.Entry<String, ?> setting : settings.entrySet()) {
            String[] keys = setting.getKey().split("\\.", -1);
            if (List.of(keys).contains("")) {
                throw new IllegalArgumentException(source + ": invalid key '" + setting.getKey() + "'; keys are paths like training.seed");
            }
            com.fasterxml.jackson.databind.node.ObjectNode parent = tree;
            for (int i = 0; i < keys.length - 1; i++) {
                JsonNode child = parent.get(keys[i]);
                parent = child instanceof com.fasterxml.jackson.databind.node.ObjectNode o ? o : parent.putObject(keys[i]);
            }
            String leaf = keys[keys.length - 1];
            parent.set(leaf, mapper.valueToTree(setting.getValue()));
            if (keys.length == 2 && keys[0].equals("training") && (leaf.equals("steps") || leaf.equals("epochs"))) {
                parent.remove(leaf.equals("steps") ? "epochs" : "steps");
            }
        }
        try {
            return mapper.treeToValue(tree, RunConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String valid = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw new IllegalArgumentException(source + ": unknown key '" + path(e) + "'; valid keys" + (e.getPath().size() > 1 ? " there" : "")
                    + ": " + valid, e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": " + firstLine(e) + (e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? " (at '" + path(m) + "')" : ""), e);
        }
    }

    /** A run.json read as a config: only its spec counts; the other keys say what the run was and are skipped. */
    private record RecordConfig(RunConfig spec, JsonNode sampleShape, JsonNode numClasses, JsonNode provenance,
            JsonNode classCounts, JsonNode plugins, JsonNode resumes) {}

    private static ObjectMapper mapper(boolean json) {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                .maxStringLength((int) MAX_BYTES).build();
        ObjectMapper mapper;
        if (json) {
            mapper = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
            mapper.getFactory().setStreamReadConstraints(limits);
        } else {
            LoaderOptions loader = new LoaderOptions();
            loader.setMaxAliasesForCollections(10);
            loader.setNestingDepthLimit(MAX_DEPTH);
            loader.setAllowDuplicateKeys(false);
            loader.setCodePointLimit((int) MAX_BYTES);
            YAMLFactory yaml = YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(limits).build();
            mapper = YAMLMapper.builder(yaml).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        }
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "invalid" : e.getOriginalMessage();
        // Jackson names Java types in parentheses ("(for Object starting at ...)", class names); a config author needs neither.
        return message.lines().findFirst().orElse("invalid").replaceAll(" \\(class [^)]*\\)", "")
                .replaceAll("`java\\.lang\\.(Long|Integer)`", "integer").replaceAll("`java\\.lang\\.Double`", "number")
                .replaceAll("`java\\.lang\\.String`", "text").replaceAll("`java\\.util\\.[A-Za-z]*Map[^`]*`", "mapping")
                .replaceAll("`java\\.util\\.[A-Za-z]*Set[^`]*`", "list").replaceAll("`io\\.gan4j\\.[a-zA-Z.$]*`", "section");
    }

    /** Returns the line of an unknown key: Jackson reports where the parser stopped, past the key's value. */
    private static int keyLine(Path file, String key, JsonProcessingException e) {
        java.util.regex.Pattern keyAt = java.util.regex.Pattern.compile("(^|[\\s{,])[\"']?" + java.util.regex.Pattern.quote(key)
                + "[\"']?\\s*:");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | UncheckedIOException notText) {
            lines = List.of();
        }
        for (int i = 0; i < lines.size(); i++) {
            if (keyAt.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String where(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return file + (at != null && at.getLineNr() > 0 ? ":" + at.getLineNr() : "") + ": ";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

}
