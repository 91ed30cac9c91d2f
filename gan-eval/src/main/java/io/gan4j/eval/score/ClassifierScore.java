package io.gan4j.eval.score;

import io.gan4j.eval.stats.MeanStd;

/**
 * {@code ClassifierScore} is the Inception Score (Salimans et al. 2016) computed with another
 * classifier's probabilities: the samples are cut into {@code splits} consecutive parts; for each,
 * exp(mean KL(p(y|x) ‖ p(y))) with p(y) the part's mean prediction; reported as mean and standard
 * deviation (ddof 0, as the original code's {@code np.std}) over the parts. With 10 classes it ranges
 * from 1 (one class, or uninformative predictions) to 10.
 */
public final class ClassifierScore {

    private ClassifierScore() {}

    /**
     * The result.
     *
     * @param mean mean over splits
     * @param std standard deviation over splits
     */
    public record Result(double mean, double std) {}

    /**
     * Returns the score.
     *
     * @param probabilities n × classes, rows summing to 1
     * @param splits number of parts, at most n
     */
    public static Result compute(double[][] probabilities, int splits) {
        int n = probabilities.length;
        if (splits < 1 || splits > n) {
            throw new IllegalArgumentException("splits must be in [1, " + n + "], was " + splits);
        }
        int classes = probabilities[0].length;
        double[] scores = new double[splits];
        for (int s = 0; s < splits; s++) {
            int from = s * n / splits;
            int to = (s + 1) * n / splits;
            double[] marginal = new double[classes];
            for (int i = from; i < to; i++) {
                for (int c = 0; c < classes; c++) {
                    marginal[c] += probabilities[i][c] / (to - from);
                }
            }
            double kl = 0;
            for (int i = from; i < to; i++) {
                for (int c = 0; c < classes; c++) {
                    double p = probabilities[i][c];
                    if (p > 0) {
                        kl += p * (Math.log(p) - Math.log(marginal[c]));
                    }
                }
            }
            scores[s] = Math.exp(kl / (to - from));
        }
        MeanStd stats = MeanStd.of(scores);
        return new Result(stats.mean(), stats.std());
    }
}
