package io.gan4j.core.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gan4j.core.io.AtomicFiles;
import io.gan4j.core.io.Json;
import io.gan4j.core.io.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@code ProvenanceManifest} is the sidecar {@code FILE.provenance.json} that gan4j writes beside
 * generated outputs that cannot carry metadata themselves (IDX, CSV, {@code .npy}): the {@link
 * MediaProvenance} fields and each output file's name and SHA-256, so a file can be traced to what made
 * it and checked for changes since.
 */
public final class ProvenanceManifest {

    /** The manifest's name is its first file's name plus this. */
    public static final String SUFFIX = ".provenance.json";

    /**
     * What a manifest says of one file.
     *
     * @param manifest the manifest
     * @param provenance what made the file
     * @param matches whether the file's SHA-256 is still the one recorded
     */
    public record Entry(Path manifest, MediaProvenance provenance, boolean matches) {}

    private ProvenanceManifest() {}

    /**
     * Writes the manifest of a set of generated files beside the first, atomically.
     *
     * @param provenance what made them
     * @param files the files, all in one directory, already written
     * @return the manifest
     */
    public static Path write(MediaProvenance provenance, List<Path> files) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        provenance.fields().forEach(root::put);
        ArrayNode list = root.putArray("files");
        for (Path f : files) {
            list.addObject().put("name", f.getFileName().toString()).put("sha256", Sha256.of(f));
        }
        Path manifest = files.get(0).resolveSibling(files.get(0).getFileName() + SUFFIX);
        AtomicFiles.write(manifest, (Json.text(root) + "\n").getBytes(StandardCharsets.UTF_8));
        return manifest;
    }

    /**
     * Finds the manifest that lists {@code file} (its own {@code FILE.provenance.json}, or one beside it
     * that names it) and checks the file against it.
     *
     * @param file a file gan4j may have written
     * @return what its manifest says, or empty when no manifest lists it
     * @throws IllegalArgumentException when a manifest is damaged
     */
    public static Optional<Entry> inspect(Path file) {
        Path own = file.resolveSibling(file.getFileName() + SUFFIX);
        List<Path> manifests;
        if (Files.isRegularFile(own)) {
            manifests = List.of(own);
        } else {
            try (Stream<Path> siblings = Files.list(file.toAbsolutePath().getParent())) {
                manifests = siblings.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + file.toAbsolutePath().getParent(), e);
            }
        }
        String name = file.getFileName().toString();
        for (Path manifest : manifests) {
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(manifest.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException("damaged provenance manifest " + manifest + ": " + e.getMessage(), e);
            }
            for (JsonNode f : root.path("files")) {
                if (name.equals(f.path("name").asText())) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    root.fields().forEachRemaining(e -> {
                        if (!e.getKey().equals("files")) {
                            fields.put(e.getKey(), e.getValue().asText());
                        }
                    });
                    return Optional.of(new Entry(manifest, MediaProvenance.fromFields(fields), Sha256.of(file).equals(f.path("sha256").asText())));
                }
            }
        }
        return Optional.empty();
    }

}
