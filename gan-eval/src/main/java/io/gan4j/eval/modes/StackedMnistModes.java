package io.gan4j.eval.modes;

import io.gan4j.core.engine.DeviceChoice;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.eval.samples.SampleSource;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code StackedMnistModes} are the mode counts of Stacked-MNIST samples (3 × 28 × 28): each channel
 * is classified by an MNIST classifier, the sample's mode is 100·d₁ + 10·d₂ + d₃, and the histogram is
 * compared with the uniform distribution over the 1,000 modes (modes covered by at least one sample,
 * KL(generated ‖ uniform)), as VEEGAN and PacGAN report.
 *
 * <p>Because the uniform target is the product of three uniform digit distributions, the joint KL splits
 * exactly into the channels' digit KLs plus the channels' dependence (total correlation
 * Σ H(d_c) − H(d₁, d₂, d₃), 0 when G draws the three digits independently). The split says whether a
 * high KL comes from unbalanced digits or from digits that G couples across channels. Unbalanced
 * digits can mean that G draws some digits too often, or that it draws unclear strokes which the
 * classifier reads as whichever digit they resemble most. {@link #ambiguous} measures how many
 * readings the classifier is unsure of, and {@link #sureDigitShares} whether the digits read with
 * certainty are balanced, which tells the two apart.
 *
 * @param joint histogram of the 1,000 digit triples, KL to uniform
 * @param channels each channel's digit histogram (10 classes), KL to uniform
 * @param ambiguous fraction of the channel readings (all samples, all channels) whose most likely
 *     digit has a probability below {@value #SURE}
 * @param sureDigits how often each digit (0–9) was read with a probability of at least {@value #SURE},
 *     over all channels
 */
public record StackedMnistModes(ModeHistogram joint, List<ModeHistogram> channels, double ambiguous, long[] sureDigits) {

    /** The classifier probability from which a reading counts as unambiguous. */
    public static final float SURE = 0.9f;
    private static final int CHANNELS = 3;

    /** Validates and copies. */
    public StackedMnistModes {
        if (channels.size() != CHANNELS) {
            throw new IllegalArgumentException("Stacked MNIST has 3 channels, got " + channels.size());
        }
        if (!(ambiguous >= 0 && ambiguous <= 1)) {
            throw new IllegalArgumentException("ambiguous must be a fraction in [0, 1], was " + ambiguous);
        }
        if (sureDigits.length != 10) {
            throw new IllegalArgumentException("sureDigits needs 10 digit counts, got " + sureDigits.length);
        }
        channels = List.copyOf(channels);
        sureDigits = sureDigits.clone();
    }

    /** Returns the modes of the samples, judged by {@code classifier} (e.g. lenet-mnist). */
    public static StackedMnistModes evaluate(FeatureNetwork classifier, SampleSource samples) {
        if (!samples.sampleShape().equals(new Shape(CHANNELS, 28, 28))) {
            throw new IllegalArgumentException("Stacked MNIST modes need 3x28x28 samples, got " + samples.sampleShape());
        }
        if (classifier.numClasses() != 10) {
            throw new IllegalArgumentException(classifier.name() + " is not a 10-class digit classifier");
        }
        int[][] digits = new int[CHANNELS][samples.size()];
        float[][] confidence = new float[CHANNELS][samples.size()];
        try (NDManager manager = DeviceChoice.newBaseManager()) {
            for (int start = 0; start < samples.size(); start += 500) {
                int n = Math.min(500, samples.size() - start);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray batch = samples.batch(start, n, scope);
                    for (int c = 0; c < CHANNELS; c++) {
                        NDArray channel = batch.get(new NDIndex(":, {}:{}", c, c + 1));
                        NDArray probabilities = classifier.classProbabilities(channel);
                        long[] predicted = probabilities.argMax(1).toLongArray();
                        System.arraycopy(probabilities.max(new int[] {1}).toFloatArray(), 0, confidence[c], start, n);
                        for (int i = 0; i < n; i++) {
                            digits[c][start + i] = (int) predicted[i];
                        }
                    }
                }
            }
        }
        return of(digits, confidence);
    }

    /**
     * Returns the modes of classified samples.
     *
     * @param digits {@code digits[c][i]}: the digit (0–9) read in channel c of sample i
     * @param confidence {@code confidence[c][i]}: the classifier's probability of that digit
     */
    public static StackedMnistModes of(int[][] digits, float[][] confidence) {
        if (digits.length != CHANNELS || confidence.length != CHANNELS) {
            throw new IllegalArgumentException("Stacked MNIST has 3 channels, got " + digits.length + " of digits and "
                    + confidence.length + " of confidences");
        }
        for (int c = 0; c < CHANNELS; c++) {
            if (digits[c].length != digits[0].length || confidence[c].length != digits[0].length) {
                throw new IllegalArgumentException("every channel needs one digit and one confidence per sample; channel " + c
                        + " has " + digits[c].length + " digits and " + confidence[c].length + " confidences for "
                        + digits[0].length + " samples");
            }
        }
        int[] modes = new int[digits[0].length];
        long unsure = 0;
        long[] sure = new long[10];
        List<ModeHistogram> channels = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            for (int i = 0; i < modes.length; i++) {
                modes[i] = modes[i] * 10 + digits[c][i];
                if (confidence[c][i] < SURE) {
                    unsure++;
                } else {
                    sure[digits[c][i]]++;
                }
            }
            channels.add(ModeHistogram.of(digits[c], ModeHistogram.uniform(10), 1));
        }
        return new StackedMnistModes(ModeHistogram.of(modes, ModeHistogram.uniform(1000), 1), channels,
                unsure / (double) (CHANNELS * modes.length), sure);
    }

    /** Returns each digit's share of all channel readings (10 values summing to 1): which digits G favours. */
    public double[] digitShares() {
        long[] counts = new long[10];
        for (ModeHistogram channel : channels) {
            for (int d = 0; d < 10; d++) {
                counts[d] += channel.counts()[d];
            }
        }
        return shares(counts);
    }

    /**
     * Returns each digit's share of the readings the classifier is sure of: whether G favours some
     * digits even where it draws them clearly, or only where its strokes are ambiguous.
     */
    public double[] sureDigitShares() {
        return shares(sureDigits);
    }

    private static double[] shares(long[] counts) {
        double total = java.util.Arrays.stream(counts).sum();
        return java.util.Arrays.stream(counts).mapToDouble(c -> total == 0 ? 0 : c / total).toArray();
    }

    /** Returns the channels' digit KLs to uniform, summed. */
    public double channelKl() {
        return channels.stream().mapToDouble(ModeHistogram::klToData).sum();
    }

    /** Returns the dependence between the channels' digits (total correlation, nats): joint KL − channel KLs. */
    public double dependence() {
        return joint.klToData() - channelKl();
    }
}
