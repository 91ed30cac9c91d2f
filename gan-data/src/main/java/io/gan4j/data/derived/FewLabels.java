package io.gan4j.data.derived;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * {@code FewLabels} is a labelled dataset seen as semi-supervised learning sees it: all its images
 * without their labels, and a few labelled ones, the same number from each class, drawn by a seed
 * (the protocol of Salimans et al. 2016: 100 MNIST labels, 10 per class). Sample i is (2, C, H, W):
 * image i of the source, unlabelled, then labelled example {@code i mod N}; the sample's label is the
 * labelled example's. Shuffled batches thus hold a batch of unlabelled images and, independently, a
 * batch drawn from the labelled few, each of which appears equally often per epoch.
 */
public final class FewLabels implements Dataset {

    private final Dataset source;
    private final int count;
    private final long seed;
    private final int[] labelled;

    /**
     * Draws the labelled examples.
     *
     * @param source labelled images
     * @param count labelled examples in all, a multiple of the source's classes
     * @param seed chooses which
     * @throws IllegalArgumentException naming the source when it has no labels, is not images, or
     *     holds fewer examples of a class than wanted
     */
    public FewLabels(Dataset source, int count, long seed) {
        this.source = Objects.requireNonNull(source, "source is null");
        this.count = count;
        this.seed = seed;
        int classes = source.numClasses();
        if (classes < 2) {
            throw new IllegalArgumentException("fewlabels needs labelled data, but " + source.description() + " has no labels");
        }
        if (source.sampleShape().dimension() != 3) {
            throw new IllegalArgumentException("fewlabels needs images (C, H, W), but " + source.description() + " has samples "
                    + source.sampleShape());
        }
        if (count < classes || count % classes != 0) {
            throw new IllegalArgumentException("fewlabels:" + count + " must be a positive multiple of the " + classes
                    + " classes of " + source.description() + " (the same number per class)");
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < source.size(); i++) {
            byClass.get(source.label(i)).add(i);
        }
        Random random = new Random(seed);
        int perClass = count / classes;
        labelled = new int[count];
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            if (members.size() < perClass) {
                throw new IllegalArgumentException("fewlabels:" + count + " needs " + perClass + " examples of class " + c + ", "
                        + source.description() + " has " + members.size());
            }
            Collections.shuffle(members, random);
            for (int k = 0; k < perClass; k++) {
                // Interleaved by class, so that i mod N cycles through the classes.
                labelled[k * classes + c] = members.get(k);
            }
        }
    }

    /** Parses {@code N[,seed=S]} (seed 1 unless given) and applies it to {@code source}. */
    public static FewLabels parse(String argument, Dataset source) {
        String[] parts = argument.split(",", 2);
        try {
            long seed = 1;
            if (parts.length > 1) {
                if (!parts[1].startsWith("seed=")) {
                    throw new NumberFormatException();
                }
                seed = Long.parseLong(parts[1].substring("seed=".length()));
            }
            return new FewLabels(source, Integer.parseInt(parts[0].trim()), seed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dataset 'fewlabels' expects fewlabels:N[,seed=S]@SPEC with whole numbers, got '"
                    + argument + "'");
        }
    }

    /** Returns the source indices of the labelled examples, in the order samples cycle through them. */
    public int[] labelled() {
        return labelled.clone();
    }

    @Override
    public String description() {
        return source.description() + " with " + count + " labels (" + count / source.numClasses() + " per class, seed " + seed
                + "), the rest unlabelled";
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public Shape sampleShape() {
        return new Shape(2).addAll(source.sampleShape());
    }

    @Override
    public int numClasses() {
        return source.numClasses();
    }

    @Override
    public void read(int index, float[] into, int offset) {
        Objects.checkIndex(index, size());
        source.read(index, into, offset);
        source.read(labelled[index % count], into, offset + Math.toIntExact(source.sampleShape().size()));
    }

    @Override
    public int label(int index) {
        return source.label(labelled[Objects.checkIndex(index, size()) % count]);
    }
}
