package io.gan4j.cli;

import io.gan4j.core.media.MediaProvenance;
import io.gan4j.core.media.PngProvenance;
import io.gan4j.core.media.ProvenanceManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gan inspect FILE}: the provenance a generated file carries or its manifest records. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show whether a file is generated media, and what generated it.",
            "PNG files carry their provenance inside (XMP with the IPTC digital source type, and a gan4j text chunk);",
            "IDX, CSV and .npy outputs have a FILE.provenance.json manifest beside them, with each file's SHA-256.",
            "Exits with status 1 when the file has no gan4j provenance or no longer matches its manifest."})
final class InspectCommand implements Callable<Integer> {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @Parameters(index = "0", paramLabel = "FILE", description = "A file gan4j may have written.")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        PrintWriter out = spec.commandLine().getOut();
        int status;
        if (isPng(file)) {
            Optional<MediaProvenance> provenance = PngProvenance.read(file);
            status = provenance.map(p -> print(out, p, "embedded in the PNG")).orElseGet(() -> none(out));
        } else {
            Optional<ProvenanceManifest.Entry> entry = ProvenanceManifest.inspect(file);
            status = entry.map(e -> {
                print(out, e.provenance(), "recorded in " + e.manifest());
                if (!e.matches()) {
                    out.println("  WARNING: the file no longer matches its manifest (its SHA-256 differs): it was changed after gan4j wrote it");
                    return 1;
                }
                out.println("  the file matches its manifest (SHA-256)");
                return 0;
            }).orElseGet(() -> none(out));
        }
        out.flush();
        return status;
    }

    private int print(PrintWriter out, MediaProvenance p, String where) {
        out.println(file + ": generated media (IPTC digital source type trainedAlgorithmicMedia), " + where);
        p.fields().forEach((name, value) -> out.printf("  %-18s %s%n", name, value));
        return 0;
    }

    private int none(PrintWriter out) {
        out.println(file + ": no gan4j provenance (not written by gan4j, or its metadata or manifest was removed)");
        return 1;
    }

    private static boolean isPng(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), PNG);
        }
    }
}
