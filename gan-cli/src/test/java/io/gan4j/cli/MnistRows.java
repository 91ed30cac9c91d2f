package io.gan4j.cli;

import ai.djl.ndarray.NDManager;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.train.GanTrainer;
import io.gan4j.core.train.Sampling;

/** Real and generated 28×28 images as rows of 784 floats, for kernel MMD checks. */
final class MnistRows {

    private MnistRows() {}

    /** Returns samples [from, from + n) of {@code d}. */
    static float[][] real(Dataset d, int from, int n) {
        float[][] rows = new float[n][784];
        for (int i = 0; i < n; i++) {
            d.read(from + i, rows[i], 0);
        }
        return rows;
    }

    /** Returns {@code n} samples of the trainer's generator from seed 11. */
    static float[][] generated(GanTrainer trainer, int n, NDManager m) {
        try (NDManager scope = m.newSubManager()) {
            float[] flat = Sampling.generate(trainer.variant().generator().orElseThrow(), n, 11, scope).toFloatArray();
            float[][] rows = new float[n][784];
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, i * 784, rows[i], 0, 784);
            }
            return rows;
        }
    }
}
