package io.gan4j.eval.report;

import io.gan4j.core.spi.Suggestions;
import io.gan4j.eval.stats.MeanStd;
import io.gan4j.eval.kid.KernelInceptionDistance;
import io.gan4j.eval.modes.BirthdayParadox;
import io.gan4j.eval.modes.ModeHistogram;
import io.gan4j.eval.modes.NumberOfDifferentBins;
import io.gan4j.eval.modes.StackedMnistModes;
import io.gan4j.eval.prdc.PrecisionRecall;
import io.gan4j.eval.score.ClassifierScore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code MetricSuite} computes named metrics from real and generated {@link Features}:
 * {@code fid}, {@code kid}, {@code pr} (precision/recall, k = 3), {@code dc} (density/coverage,
 * k = 5), and with a classifier network {@code score} (classifier score, 10 splits) and
 * {@code classes} (classes covered by at least one sample, KL(generated ‖ real) of the predicted
 * class histograms, and the fractions of generated and of real samples read with a probability below
 * {@link StackedMnistModes#SURE}); on request {@code ndb} (K = 100 bins) and {@code birthday} (duplicate rates for
 * batch sizes 10–500, support estimate).
 */
public final class MetricSuite {

    /** Every metric name, in report order. */
    public static final List<String> ALL = List.of("fid", "kid", "pr", "dc", "score", "classes", "ndb", "birthday");

    /** The metrics computed when none are named: the first four, plus the classifier ones when available. */
    public static List<String> defaults(boolean classifier) {
        return classifier ? ALL.subList(0, 6) : ALL.subList(0, 4);
    }

    private static final int[] BIRTHDAY_BATCHES = {10, 20, 50, 100, 200, 500};

    private MetricSuite() {}

    /**
     * Computes the metrics.
     *
     * @param names metric names from {@link #ALL}
     * @throws IllegalArgumentException on an unknown name, or a classifier metric without a classifier
     */
    public static Map<String, Object> compute(Set<String> names, Features real, Features fake, long seed) {
        return compute(names, new ReferenceCache.Reference(real, null), fake, seed);
    }

    /**
     * Computes the metrics, with what depends on the real side alone (k-NN radii) taken from its cache
     * entry when it holds it.
     *
     * @param names metric names from {@link #ALL}
     * @throws IllegalArgumentException on an unknown name, or a classifier metric without a classifier
     */
    public static Map<String, Object> compute(Set<String> names, ReferenceCache.Reference reference, Features fake, long seed) {
        Features real = reference.features();
        for (String name : names) {
            if (!ALL.contains(name)) {
                throw new IllegalArgumentException("unknown metric '" + name + "'" + Suggestions.didYouMean(name, MetricCatalog.NAMES)
                        + "; available: " + String.join(", ", MetricCatalog.NAMES));
            }
            if ((name.equals("score") || name.equals("classes")) && fake.probabilities() == null) {
                throw new IllegalArgumentException("metric '" + name + "' needs a classifier feature network (e.g. lenet-mnist)");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : ALL) {
            if (!names.contains(name)) {
                continue;
            }
            switch (name) {
                case "fid" -> out.put("fid", real.fid(fake));
                case "kid" -> {
                    KernelInceptionDistance.Result kid = KernelInceptionDistance.compute(real.matrix(), fake.matrix(), seed);
                    out.put("kid", new MeanStd(kid.mean(), kid.std()));
                }
                case "pr" -> {
                    // With dc too, one pass over the distances gives all four (the k-NN radii of both ks at once).
                    int kDc = names.contains("dc") ? 5 : 3;
                    PrecisionRecall.Result pr = PrecisionRecall.compute(reference.neighbourRadii(3, kDc), real.matrix(), fake.matrix(), 3, kDc);
                    out.put("precision", pr.precision());
                    out.put("recall", pr.recall());
                    if (names.contains("dc")) {
                        out.put("density", pr.density());
                        out.put("coverage", pr.coverage());
                    }
                }
                case "dc" -> {
                    if (!names.contains("pr")) {
                        PrecisionRecall.Result dc = PrecisionRecall.compute(reference.neighbourRadii(5, 5), real.matrix(), fake.matrix(), 5, 5);
                        out.put("density", dc.density());
                        out.put("coverage", dc.coverage());
                    }
                }
                case "ndb" -> {
                    NumberOfDifferentBins ndb = NumberOfDifferentBins.compute(real.matrix(), fake.matrix(), 100, seed);
                    out.put("ndb", ndb.differentBins());
                    out.put("ndb_over_k", ndb.ndbOverK());
                    out.put("ndb_js", ndb.jsDivergence());
                }
                case "birthday" -> {
                    int largest = Math.min(real.matrix().rows(), fake.matrix().rows());
                    int[] sizes = java.util.Arrays.stream(BIRTHDAY_BATCHES).filter(s -> s <= largest).toArray();
                    BirthdayParadox b = BirthdayParadox.run(real.matrix(), fake.matrix(), sizes, 20, seed);
                    out.put("birthday_duplicate_rate", b.duplicateRate());
                    out.put("birthday_support_estimate", b.supportEstimate());
                }
                case "score" -> {
                    ClassifierScore.Result s = ClassifierScore.compute(fake.probabilities(), 10);
                    out.put("classifier_score", new MeanStd(s.mean(), s.std()));
                }
                default -> {
                    int classes = fake.probabilities()[0].length;
                    double[] target = distribution(real.predictedClasses(), classes);
                    ModeHistogram h = ModeHistogram.of(fake.predictedClasses(), target, 1);
                    out.put("classes_covered", h.modesCovered());
                    out.put("class_kl", h.klToData());
                    out.put("class_histogram", h.counts());
                    out.put("class_ambiguous", fake.ambiguous(StackedMnistModes.SURE));
                    out.put("class_ambiguous_real", real.ambiguous(StackedMnistModes.SURE));
                }
            }
        }
        return out;
    }

    /** Returns the class frequencies, with a floor so that KL stays finite for classes the real set lacks. */
    private static double[] distribution(int[] classes, int n) {
        double[] p = new double[n];
        for (int c : classes) {
            p[c]++;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.max(p[i], 0.5);
            total += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= total;
        }
        return p;
    }
}
