package io.gan4j.eval.anomaly;

import io.gan4j.core.engine.DeviceChoice;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.model.AnomalyScorer;
import java.util.function.IntConsumer;

/** {@code AnomalyScores} scores every sample of a dataset with a trained detector, in batches. */
public final class AnomalyScores {

    private static final int BATCH = 250;

    private AnomalyScores() {}

    /**
     * Returns one score per sample of {@code data}, in order.
     *
     * @param progress receives the number of samples scored after each batch
     */
    public static double[] of(AnomalyScorer scorer, Dataset data, IntConsumer progress) {
        int n = data.size();
        int size = Math.toIntExact(data.sampleShape().size());
        double[] scores = new double[n];
        float[] buffer = new float[BATCH * size];
        try (NDManager manager = DeviceChoice.newBaseManager()) {
            for (int start = 0; start < n; start += BATCH) {
                int count = Math.min(BATCH, n - start);
                for (int i = 0; i < count; i++) {
                    data.read(start + i, buffer, i * size);
                }
                try (NDManager scope = manager.newSubManager()) {
                    float[] batch = count == BATCH ? buffer : java.util.Arrays.copyOf(buffer, count * size);
                    float[] s = scorer.score(scope.create(batch, new Shape(count).addAll(data.sampleShape()))).toFloatArray();
                    for (int i = 0; i < count; i++) {
                        scores[start + i] = s[i];
                    }
                }
                progress.accept(start + count);
            }
        }
        return scores;
    }
}
