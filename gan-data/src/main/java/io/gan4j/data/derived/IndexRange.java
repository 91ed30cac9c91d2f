package io.gan4j.data.derived;

import io.gan4j.core.data.Dataset;

/**
 * An {@code IndexRange} is the samples [from, to) of another dataset, e.g. one half of MNIST's
 * training split, so that two domains built from one set share no image.
 */
public final class IndexRange extends DatasetView {

    private final int from;
    private final int to;

    /**
     * Creates the subset.
     *
     * @throws IllegalArgumentException unless 0 ≤ from &lt; to ≤ source size
     */
    public IndexRange(Dataset source, int from, int to) {
        super(source);
        if (from < 0 || from >= to || to > source.size()) {
            throw new IllegalArgumentException("range " + from + "-" + to + " is not within the " + source.size() + " samples of "
                    + source.description() + " (expected 0 <= FROM < TO <= " + source.size() + ")");
        }
        this.from = from;
        this.to = to;
    }

    /** Parses {@code FROM-TO} (TO exclusive) and applies it to {@code source}. */
    public static IndexRange parse(String range, Dataset source) {
        String[] parts = range.split("-", 2);
        try {
            return new IndexRange(source, Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("dataset 'range' expects range:FROM-TO@SPEC with sample indices, got '" + range + "'");
        }
    }

    @Override
    public String description() {
        return "samples " + from + "-" + to + " of " + source.description();
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    protected int sourceIndex(int index) {
        return from + index;
    }
}
