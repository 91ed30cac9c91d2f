package io.gan4j.eval.anomaly;

import java.util.Arrays;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

/**
 * {@code AnomalyMetrics} ranks anomaly scores against the truth: AUROC and AUPRC (average precision,
 * as scikit-learn's {@code average_precision_score}), both Tribuo's ({@code LabelEvaluationUtil}),
 * with anomalies as the positive class; and the threshold that flags a target fraction of normal
 * validation samples.
 */
public final class AnomalyMetrics {

    private AnomalyMetrics() {}

    /** Returns the area under the ROC curve of {@code scores} (higher = more anomalous). */
    public static double auroc(boolean[] anomalous, double[] scores) {
        check(anomalous, scores);
        return LabelEvaluationUtil.binaryAUCROC(anomalous, scores);
    }

    /** Returns the average precision (area under the precision-recall curve, step-wise) of {@code scores}. */
    public static double auprc(boolean[] anomalous, double[] scores) {
        check(anomalous, scores);
        return LabelEvaluationUtil.averagedPrecision(anomalous, scores);
    }

    /**
     * Returns the threshold above which at most a fraction {@code fpr} of the given normal scores lie:
     * scores strictly greater than it are flagged. Fit on validation data, never on the data scored.
     *
     * @param normalScores scores of normal validation samples
     * @param fpr target false-positive rate in [0, 1)
     */
    public static double thresholdAtFalsePositiveRate(double[] normalScores, double fpr) {
        if (normalScores.length == 0) {
            throw new IllegalArgumentException("no validation scores to fit a threshold on");
        }
        if (!(fpr >= 0 && fpr < 1)) {
            throw new IllegalArgumentException("false-positive rate must be in [0, 1), was " + fpr);
        }
        double[] sorted = normalScores.clone();
        Arrays.sort(sorted);
        // Flag at most floor(fpr * n) validation samples: the threshold is the score just below them.
        int flagged = (int) Math.floor(fpr * sorted.length);
        return sorted[sorted.length - 1 - flagged];
    }

    private static void check(boolean[] anomalous, double[] scores) {
        if (anomalous.length != scores.length) {
            throw new IllegalArgumentException(anomalous.length + " labels for " + scores.length + " scores");
        }
        boolean any = false;
        boolean all = true;
        for (boolean a : anomalous) {
            any |= a;
            all &= a;
        }
        if (!any || all) {
            throw new IllegalArgumentException("ranking metrics need both normal and anomalous samples");
        }
    }
}
