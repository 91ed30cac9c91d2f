package io.gan4j.eval.modes;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.eval.report.SampleSource;

/**
 * {@code StackedMnistModes} counts the modes of Stacked-MNIST samples (3 × 28 × 28): each channel is
 * classified by an MNIST classifier, the sample's mode is 100·d₁ + 10·d₂ + d₃, and the histogram is
 * compared with the uniform distribution over the 1,000 modes (modes covered by at least one sample,
 * KL(generated ‖ uniform)), as VEEGAN and PacGAN report.
 */
public final class StackedMnistModes {

    private StackedMnistModes() {}

    /** Returns the mode histogram of the samples, judged by {@code classifier} (e.g. lenet-mnist). */
    public static ModeHistogram evaluate(FeatureNetwork classifier, SampleSource samples) {
        if (!samples.sampleShape().equals(new Shape(3, 28, 28))) {
            throw new IllegalArgumentException("Stacked MNIST modes need 3x28x28 samples, got " + samples.sampleShape());
        }
        if (classifier.numClasses() != 10) {
            throw new IllegalArgumentException(classifier.name() + " is not a 10-class digit classifier");
        }
        int[] modes = new int[samples.size()];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < samples.size(); start += 500) {
                int n = Math.min(500, samples.size() - start);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray batch = samples.batch(start, n, scope);
                    for (int c = 0; c < 3; c++) {
                        NDArray channel = batch.get(new NDIndex(":, {}:{}", c, c + 1));
                        long[] digits = classifier.classProbabilities(channel).argMax(1).toLongArray();
                        for (int i = 0; i < n; i++) {
                            modes[start + i] = modes[start + i] * 10 + (int) digits[i];
                        }
                    }
                }
            }
        }
        return ModeHistogram.of(modes, ModeHistogram.uniform(1000), 1);
    }
}
