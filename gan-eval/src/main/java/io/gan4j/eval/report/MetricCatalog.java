package io.gan4j.eval.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every metric name {@code gan eval --metrics} and {@link Evaluation} accept, with a one-line
 * description: the {@link MetricSuite} metrics, then {@code stacked} and {@code conditional}, which
 * need their own data (Stacked MNIST; a labelled reference and a conditional generator).
 */
public final class MetricCatalog {

    /** Metric names with their one-line descriptions, in report order. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    /** Every metric name, in report order. */
    public static final List<String> NAMES = List.copyOf(DESCRIPTIONS.keySet());

    private MetricCatalog() {}

    private static Map<String, String> descriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("fid", "Frechet distance of feature Gaussians (float64; pytorch-fid's formula)");
        d.put("kid", "kernel distance: unbiased MMD^2 with a cubic polynomial kernel, 100 subsets, mean +- std");
        d.put("pr", "precision and recall of the feature manifolds (k = 3, Kynkaanniemi et al. 2019)");
        d.put("dc", "density and coverage (k = 5, Naeem et al. 2020)");
        d.put("score", "classifier score, exp E KL(p(y|x) || p(y)) over 10 splits (needs a classifier network)");
        d.put("classes", "classes covered and KL of the predicted class histograms (needs a classifier network)");
        d.put("ndb", "number of statistically different bins over 100 k-means bins, and their JS divergence");
        d.put("birthday", "duplicate rates in batches of 10-500 and the birthday-paradox support estimate");
        d.put("stacked", "Stacked MNIST modes covered of 1,000 and KL to uniform, split by channel");
        d.put("conditional", "class accuracy, classes on request and intra-FID of a conditional generator");
        if (!d.keySet().containsAll(MetricSuite.ALL)) {
            throw new IllegalStateException("every MetricSuite metric needs a description");
        }
        return java.util.Collections.unmodifiableMap(d);
    }
}
