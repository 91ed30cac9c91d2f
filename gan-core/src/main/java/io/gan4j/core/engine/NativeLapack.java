package io.gan4j.core.engine;

import ai.djl.ndarray.NDArray;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code NativeLapack} calls LAPACK routines of the library an engine has already loaded — the
 * OpenBLAS bundled with MXNet, the MKL linked into libtorch — for dense float64 work DJL's API lacks
 * or does wastefully: MXNet's {@code eigvalsh} runs the divide-and-conquer solver <em>with</em>
 * eigenvectors and discards them (for a 2,048 × 2,048 matrix as much work again as the eigenvalues),
 * and DJL's PyTorch engine binds no eigensolver or Cholesky factorization at all
 * (docs/benchmarks/b2-frechet-distance.md).
 *
 * <p>The library is found among the process's mapped files ({@code /proc/self/maps}, Linux): the first
 * engine library that exports LAPACK's Fortran symbols. Elsewhere, or without one, every method is
 * empty and callers fall back (MXNet's operators, EJML). The first call must come after the engine has
 * loaded its native library, which holds whenever the argument is an array of that engine.
 */
final class NativeLapack {

    /**
     * dlopen flags: only a library already loaded (NOLOAD), kept local. With JNA's default, which adds
     * RTLD_GLOBAL, MXNet's convolutions computed wrong values in a process holding both engines once
     * libtorch had been opened here (TransposedConv2dTest caught it) — most likely libtorch's symbols, promoted
     * to the global scope, took the place of MXNet's lazily bound ones.
     */
    private static final int RTLD_LAZY = 0x1;
    private static final int RTLD_NOLOAD = 0x4;

    private static final Optional<NativeLibrary> LIBRARY = find();

    /**
     * Held around every BLAS/LAPACK call of the engine support (here and MXNet's {@code linalg_*}
     * operators): MXNet's bundled OpenBLAS, multi-threaded, spun forever when two threads of one process
     * (two Spark tasks in {@code local[2]}) ran {@code syrk} at once. These calls are a small part of any
     * job, so running them one at a time costs little.
     */
    static final Object SERIAL = new Object();

    private NativeLapack() {}

    /**
     * Returns the eigenvalues (ascending) of a symmetric float64 (n, n) array from {@code dsyevd}
     * without eigenvectors, reading the lower triangle (numpy's {@code UPLO='L'}); empty when LAPACK is
     * unavailable or fails.
     */
    static Optional<double[]> symmetricEigenvalues(NDArray symmetric) {
        if (LIBRARY.isEmpty()) {
            return Optional.empty();
        }
        int n = Math.toIntExact(symmetric.getShape().get(0));
        try (Memory a = matrix(symmetric); Memory w = new Memory((long) Double.BYTES * n)) {
            // A workspace query first: with the documented minimum (2n + 1) the tridiagonal reduction runs unblocked, slower.
            Memory query = new Memory(Double.BYTES);
            Memory iquery = integer(0);
            // A row-major lower triangle is the column-major upper one.
            if (call("dsyevd_", character('N'), character('U'), integer(n), a, integer(n), w, query, integer(-1), iquery, integer(-1)) != 0) {
                return Optional.empty();
            }
            int lwork = Math.max(2 * n + 1, (int) query.getDouble(0));
            int liwork = Math.max(1, iquery.getInt(0));
            try (Memory work = new Memory((long) Double.BYTES * lwork); Memory iwork = new Memory((long) Integer.BYTES * liwork)) {
                int info = call("dsyevd_", character('N'), character('U'), integer(n), a, integer(n), w, work, integer(lwork), iwork,
                        integer(liwork));
                return info == 0 ? Optional.of(w.getDoubleArray(0, n)) : Optional.empty();
            }
        }
    }

    /**
     * Returns the lower Cholesky factor L (row-major, S = L Lᵀ) of a symmetric positive-definite float64
     * (n, n) array from {@code dpotrf}; empty when LAPACK is unavailable or the matrix is not numerically
     * positive definite ({@link EngineSupport#usableCholeskyFactor}).
     */
    static Optional<double[]> choleskyLower(NDArray spd) {
        if (LIBRARY.isEmpty()) {
            return Optional.empty();
        }
        int n = Math.toIntExact(spd.getShape().get(0));
        try (Memory a = matrix(spd)) {
            // Column-major S = UᵀU with U upper is, read row-major, S = L Lᵀ with L = Uᵀ lower.
            if (call("dpotrf_", character('U'), integer(n), a, integer(n)) != 0) {
                return Optional.empty();
            }
            double[] l = a.getDoubleArray(0, n * n);
            double largest = 0;
            double smallest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    l[i * n + j] = 0; // dpotrf leaves the other triangle as it was
                }
                largest = Math.max(largest, l[i * n + i]);
                smallest = Math.min(smallest, l[i * n + i]);
            }
            return EngineSupport.usableCholeskyFactor(smallest, largest) ? Optional.of(l) : Optional.empty();
        }
    }

    private static Memory matrix(NDArray square) {
        double[] values = square.toDoubleArray();
        Memory memory = new Memory((long) Double.BYTES * values.length);
        memory.write(0, values, 0, values.length);
        return memory;
    }

    /** Calls a LAPACK routine whose last argument is INFO and returns INFO. */
    private static int call(String routine, Object... arguments) {
        Memory info = integer(0);
        Object[] withInfo = Arrays.copyOf(arguments, arguments.length + 1);
        withInfo[arguments.length] = info;
        try (info) {
            synchronized (SERIAL) {
                LIBRARY.get().getFunction(routine).invoke(void.class, withInfo);
            }
            return info.getInt(0);
        }
    }

    private static Memory character(char c) {
        Memory m = new Memory(1);
        m.setByte(0, (byte) c);
        return m;
    }

    private static Memory integer(int value) {
        Memory m = new Memory(Integer.BYTES);
        m.setInt(0, value);
        return m;
    }

    private static Optional<NativeLibrary> find() {
        try {
            Set<String> paths = new LinkedHashSet<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                String name = slash < 0 ? "" : line.substring(line.lastIndexOf('/') + 1);
                if (name.startsWith("libopenblas") || name.startsWith("libtorch_cpu") || name.startsWith("libmkl_rt")) {
                    paths.add(line.substring(slash));
                }
            }
            for (String path : paths) {
                NativeLibrary library = NativeLibrary.getInstance(path, Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_NOLOAD));
                try {
                    library.getFunction("dsyevd_");
                    library.getFunction("dpotrf_");
                    return Optional.of(library);
                } catch (UnsatisfiedLinkError e) {
                    // this one does not export LAPACK; try the next
                }
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // Not Linux, or JNA unavailable: callers use their fallbacks.
        }
        return Optional.empty();
    }
}
