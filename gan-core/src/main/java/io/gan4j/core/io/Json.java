package io.gan4j.core.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code Json} reads and writes the project's JSON files (run descriptions, state, metrics). */
public final class Json {

    /** The shared mapper; thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    /** Atomically writes {@code value} as indented JSON. */
    public static void write(Path file, Object value) {
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, value));
    }

    /**
     * Reads a JSON file into {@code type}.
     *
     * @throws IllegalArgumentException naming the file when it is missing or malformed
     */
    public static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file not found: " + file);
        }
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " as " + type.getSimpleName() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Returns {@code value} as indented JSON, as {@link #write} writes it. */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns {@code value} as one line of JSON. */
    public static String line(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
