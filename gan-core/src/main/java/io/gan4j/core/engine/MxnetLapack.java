package io.gan4j.core.engine;

import ai.djl.ndarray.NDArray;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code MxnetLapack} calls LAPACK routines of the OpenBLAS that MXNet's native library bundles and
 * has already loaded, for work MXNet's operators do wastefully: MXNet's {@code eigvalsh} runs the
 * divide-and-conquer solver <em>with</em> eigenvectors and discards them, which for a 2,048 × 2,048
 * matrix costs as much again as the eigenvalues (measured in docs/benchmarks/b2-frechet-distance.md).
 *
 * <p>The library is found among the process's mapped files ({@code /proc/self/maps}, Linux), so
 * elsewhere, or when no OpenBLAS is loaded, {@link #eigenvalues} is empty and callers use MXNet's operator.
 */
final class MxnetLapack {

    private static final int COLUMN_MAJOR = 102;
    private static final Optional<Function> DSYEVD = lookup("LAPACKE_dsyevd");

    private MxnetLapack() {}

    /**
     * Returns the eigenvalues (ascending) of a symmetric float64 matrix from LAPACK's {@code dsyevd}
     * without eigenvectors, reading the lower triangle (numpy's {@code UPLO='L'}), or empty when the
     * routine is unavailable or fails.
     */
    static Optional<double[]> eigenvalues(NDArray symmetric) {
        if (DSYEVD.isEmpty()) {
            return Optional.empty();
        }
        int n = Math.toIntExact(symmetric.getShape().get(0));
        double[] values = symmetric.toDoubleArray();
        try (Memory a = new Memory((long) Double.BYTES * values.length); Memory w = new Memory((long) Double.BYTES * n)) {
            a.write(0, values, 0, values.length);
            // Row-major lower is column-major upper: the same triangle numpy's UPLO='L' reads.
            int info = DSYEVD.get().invokeInt(new Object[] {COLUMN_MAJOR, (byte) 'N', (byte) 'U', n, a, n, w});
            return info == 0 ? Optional.of(w.getDoubleArray(0, n)) : Optional.empty();
        }
    }

    private static Optional<Function> lookup(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.substring(line.lastIndexOf('/') + 1).startsWith("libopenblas")) {
                    return Optional.of(NativeLibrary.getInstance(line.substring(slash)).getFunction(name));
                }
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // Not Linux, no OpenBLAS mapped, or a build without LAPACKE: MXNet's operator serves instead.
        }
        return Optional.empty();
    }
}
