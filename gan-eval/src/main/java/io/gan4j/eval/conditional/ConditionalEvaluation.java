package io.gan4j.eval.conditional;

import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.eval.fid.FrechetDistance;
import io.gan4j.eval.fid.GaussianStatistics;
import io.gan4j.eval.report.Features;
import io.gan4j.eval.samples.SampleSource;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * {@code ConditionalEvaluation} measures a conditional generator against labelled real data with a
 * classifier as judge: class-conditional accuracy, classes covered and intra-FID.
 */
public final class ConditionalEvaluation {

    private ConditionalEvaluation() {}

    /**
     * Runs the evaluation.
     *
     * @param judge a classifier over the same classes as the generator
     * @param real labelled real samples
     * @param generated samples of a conditional generator, with the classes they were made for
     * @param progress receives the number of samples done (real, then generated)
     * @throws IllegalArgumentException when a source lacks labels or the class counts disagree
     */
    public static ConditionalReport run(FeatureNetwork judge, SampleSource real, SampleSource generated, IntConsumer progress) {
        int[] realLabels = real.labels().orElseThrow(
                () -> new IllegalArgumentException("conditional metrics need labelled real data; " + real.description() + " has no labels"));
        int[] fakeLabels = generated.labels().orElseThrow(
                () -> new IllegalArgumentException("conditional metrics need a conditional generator; " + generated.description() + " is not"));
        int k = judge.numClasses();
        if (k == 0) {
            throw new IllegalArgumentException("feature network '" + judge.name() + "' is not a classifier; conditional metrics need one (e.g. lenet-mnist)");
        }
        int maxLabel = IntStream.concat(Arrays.stream(realLabels), Arrays.stream(fakeLabels)).max().orElse(0);
        if (maxLabel >= k) {
            throw new IllegalArgumentException("the judge '" + judge.name() + "' knows " + k + " classes but the data has class " + maxLabel);
        }
        Features realFeatures = Features.extract(judge, real, progress);
        Features fakeFeatures = Features.extract(judge, generated, done -> progress.accept(real.size() + done));
        return measure(realFeatures, realLabels, fakeFeatures, fakeLabels, k);
    }

    /** Computes the report from extracted features; classes absent from the generated set are skipped. */
    static ConditionalReport measure(Features real, int[] realLabels, Features fake, int[] fakeLabels, int k) {
        int[] predicted = fake.predictedClasses();
        int[] hits = new int[k];
        int[] counts = new int[k];
        for (int i = 0; i < predicted.length; i++) {
            counts[fakeLabels[i]]++;
            if (predicted[i] == fakeLabels[i]) {
                hits[fakeLabels[i]]++;
            }
        }
        double[] classAccuracy = new double[k];
        double[] intraFid = new double[k];
        int covered = 0;
        int asked = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                classAccuracy[c] = Double.NaN;
                intraFid[c] = Double.NaN;
                continue;
            }
            asked++;
            classAccuracy[c] = (double) hits[c] / counts[c];
            covered += classAccuracy[c] >= 0.5 ? 1 : 0;
            int[] realRows = rowsOf(realLabels, c);
            if (realRows.length < 2) {
                throw new IllegalArgumentException("class " + c + " has " + realRows.length + " real samples; intra-FID needs at least 2");
            }
            intraFid[c] = FrechetDistance.compute(GaussianStatistics.of(real.matrix().select(realRows)),
                    GaussianStatistics.of(fake.matrix().select(rowsOf(fakeLabels, c))));
        }
        double accuracy = (double) Arrays.stream(hits).sum() / predicted.length;
        double meanIntraFid = Arrays.stream(intraFid).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
        return new ConditionalReport(accuracy, classAccuracy, covered, intraFid, meanIntraFid, predicted.length / Math.max(1, asked));
    }

    private static int[] rowsOf(int[] labels, int c) {
        return IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
    }
}
