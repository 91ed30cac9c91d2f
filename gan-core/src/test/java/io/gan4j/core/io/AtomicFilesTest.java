package io.gan4j.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFilesTest {

    @TempDir
    Path tmp;

    @Test
    void publishedFilesReplaceTheOldOnesLeaveNoTemporariesAndAreReadableByOthers() throws Exception {
        Path file = tmp.resolve("out/grid.png");
        AtomicFiles.write(file, new byte[] {1, 2});
        AtomicFiles.write(file, new byte[] {3});
        assertThat(Files.readAllBytes(file)).containsExactly(3);

        Path dir = tmp.resolve("out/model");
        AtomicFiles.writeDirectory(dir, d -> AtomicFiles.write(d.resolve("a.bin"), new byte[] {4}));
        AtomicFiles.writeDirectory(dir, d -> AtomicFiles.write(d.resolve("b.bin"), new byte[] {5}));
        assertThat(dir.resolve("a.bin")).doesNotExist();
        assertThat(Files.readAllBytes(dir.resolve("b.bin"))).containsExactly(5);

        try (var entries = Files.list(tmp.resolve("out"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("grid.png", "model");
        }
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwxr-xr-x");
        }
    }
}
