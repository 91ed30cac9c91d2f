package io.gan4j.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code Sha256} hashes files and bytes, streaming, as lowercase hex (what {@code sha256sum} prints). */
public final class Sha256 {

    private Sha256() {}

    /**
     * Returns the SHA-256 of a file's content.
     *
     * @param file the file
     * @return 64 hex digits
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    public static String of(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the SHA-256 of bytes.
     *
     * @param bytes the bytes
     * @return 64 hex digits
     */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * Returns a fresh SHA-256 digest, for content hashed piece by piece.
     *
     * @return the digest
     */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
