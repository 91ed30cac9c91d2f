package io.gan4j.data.derived;

import io.gan4j.core.data.Dataset;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * A {@code ClassFilter} is the samples of a labelled dataset whose class is not among the excluded
 * ones, labels kept: the normal training data of a one-class anomaly protocol (e.g. MNIST without
 * the digit that plays the anomaly).
 */
public final class ClassFilter extends DatasetView {

    private final Set<Integer> excluded;
    private final int[] kept;

    /**
     * Creates the filtered view.
     *
     * @throws IllegalArgumentException when the source has no labels, a class is out of range, or nothing remains
     */
    public ClassFilter(Dataset source, Set<Integer> excluded) {
        super(source);
        this.excluded = new TreeSet<>(excluded);
        if (source.numClasses() == 0) {
            throw new IllegalArgumentException("exclude needs labelled data, but " + source.description() + " has no labels");
        }
        for (int c : this.excluded) {
            if (c < 0 || c >= source.numClasses()) {
                throw new IllegalArgumentException("class " + c + " is outside 0.." + (source.numClasses() - 1) + " of " + source.description());
            }
        }
        kept = IntStream.range(0, source.size()).filter(i -> !this.excluded.contains(source.label(i))).toArray();
        if (kept.length == 0) {
            throw new IllegalArgumentException("no samples of " + source.description() + " remain after excluding classes " + this.excluded);
        }
    }

    /** Parses {@code K[,K...]} and applies it to {@code source}. */
    public static ClassFilter parse(String classes, Dataset source) {
        try {
            return new ClassFilter(source, Set.copyOf(Arrays.stream(classes.split(",")).map(String::trim).map(Integer::valueOf).toList()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dataset 'exclude' expects exclude:K[,K...]@SPEC with class indices, got '" + classes + "'");
        }
    }

    @Override
    public String description() {
        return source.description() + " without classes " + excluded + " (" + kept.length + " samples)";
    }

    @Override
    public int size() {
        return kept.length;
    }

    @Override
    protected int sourceIndex(int index) {
        return kept[index];
    }
}
