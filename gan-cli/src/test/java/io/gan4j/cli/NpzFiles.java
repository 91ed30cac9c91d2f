package io.gan4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads checkpoint archives in tests. */
final class NpzFiles {

    private NpzFiles() {}

    /** Returns every array of an {@code .npz} file by name, as floats. */
    static Map<String, float[]> read(Path file) throws Exception {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        try (NDManager m = NDManager.newBaseManager(); InputStream in = Files.newInputStream(file)) {
            for (NDArray a : NDList.decode(m, in)) {
                arrays.put(a.getName(), a.toFloatArray());
            }
        }
        return arrays;
    }
}
