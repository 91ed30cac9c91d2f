package io.gan4j.eval.cas;

import io.gan4j.core.engine.DeviceChoice;
import ai.djl.ndarray.NDManager;
import io.gan4j.eval.samples.SampleSource;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * {@code ClassificationAccuracyScore} is CAS (Ravuri &amp; Vinyals 2019): train a classifier on
 * labelled samples — a conditional generator's, with the classes they were made for — and report
 * its accuracy on real test data. Trained on real samples instead, the same procedure gives the
 * reference the generated data is compared with. The classifier is
 * {@link TribuoClassifiers#logisticRegression} on the flattened samples (pixels in [-1, 1]).
 */
public final class ClassificationAccuracyScore {

    /**
     * The outcome.
     *
     * @param accuracy accuracy on the test samples
     * @param balancedAccuracy mean per-class recall on the test samples
     * @param trainCount training samples
     * @param testCount test samples
     */
    public record Result(double accuracy, double balancedAccuracy, int trainCount, int testCount) {}

    private static final int CHUNK = 1000;

    private ClassificationAccuracyScore() {}

    /**
     * Trains on {@code train} and tests on {@code test}; both must have labels.
     *
     * @param epochs SGD epochs
     * @param seed seed of the classifier's example order
     */
    public static Result evaluate(SampleSource train, SampleSource test, int epochs, long seed) {
        Model<Label> model = TribuoClassifiers.logisticRegression(epochs, seed).train(toTribuo(train));
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, toTribuo(test));
        return new Result(evaluation.accuracy(), 1 - evaluation.balancedErrorRate(), train.size(), test.size());
    }

    /** Returns the samples as Tribuo examples with features {@code x0, x1, …} and their labels as class names. */
    public static MutableDataset<Label> toTribuo(SampleSource source) {
        int[] labels = source.labels().orElseThrow(
                () -> new IllegalArgumentException(source.description() + " has no labels; CAS needs labelled samples"));
        int d = Math.toIntExact(source.sampleShape().size());
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = String.format("x%05d", j);
        }
        MutableDataset<Label> out = new MutableDataset<>(new SimpleDataSourceProvenance(source.description(), new LabelFactory()),
                new LabelFactory());
        try (NDManager manager = DeviceChoice.newBaseManager()) {
            for (int start = 0; start < source.size(); start += CHUNK) {
                int n = Math.min(CHUNK, source.size() - start);
                float[] values;
                try (NDManager scope = manager.newSubManager()) {
                    values = source.batch(start, n, scope).toFloatArray();
                }
                for (int i = 0; i < n; i++) {
                    double[] row = new double[d];
                    for (int j = 0; j < d; j++) {
                        row[j] = values[i * d + j];
                    }
                    out.add(new ArrayExample<>(new Label(Integer.toString(labels[start + i])), names, row));
                }
            }
        }
        return out;
    }
}
