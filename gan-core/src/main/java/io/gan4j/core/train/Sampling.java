package io.gan4j.core.train;

import io.gan4j.core.config.RunRecord;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gan4j.core.model.Generator;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * {@code Sampling} runs a trained generator in inference mode on seeded noise. The noise depends on
 * the seed and the sample's position only, so a conditional generator asked for other classes with
 * the same seed reuses the same latent vectors.
 */
public final class Sampling {

    /**
     * Samples per noise draw: sample i's latent vector is row i mod CHUNK of the draw seeded by (seed, i / CHUNK),
     * so any run of whole chunks can be generated on its own ({@link #generateRange}).
     */
    public static final int CHUNK = 500;

    private Sampling() {}

    /**
     * Generates {@code count} samples from noise fixed by {@code seed}; a conditional generator makes
     * them for classes 0, 1, …, K−1, 0, 1, … in turn (balanced).
     *
     * @return (count, sampleShape...) attached to {@code manager}
     */
    public static NDArray generate(Generator generator, int count, long seed, NDManager manager) {
        return generate(generator, balancedLabelsIfConditional(generator, count), count, seed, manager);
    }

    /**
     * Generates one sample per entry of {@code labels} with a conditional generator.
     *
     * @throws IllegalArgumentException when the generator is unconditional or a label is out of range
     */
    public static NDArray generate(Generator generator, int[] labels, long seed, NDManager manager) {
        int k = generator.numClasses();
        if (k == 0) {
            throw new IllegalArgumentException("the generator is not conditional: it cannot make samples of a given class");
        }
        for (int label : labels) {
            if (label < 0 || label >= k) {
                throw new IllegalArgumentException("class " + label + " is out of range: the generator knows classes 0.." + (k - 1));
            }
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("sample count must be > 0, was 0");
        }
        return generate(generator, labels, labels.length, seed, manager);
    }

    /**
     * Generates samples [start, start + count) of the sequence {@link #generate(Generator, int, long, NDManager)}
     * (or, with labels, {@link #generate(Generator, int[], long, NDManager)}) makes for any total count
     * above {@code start + count}: the same values, so parts made apart (threads, processes, Spark tasks)
     * concatenate into the whole.
     *
     * @param labels the classes of samples start.. start + count − 1 for a conditional generator, null for an unconditional one
     * @param start the first sample's position, a multiple of {@link #CHUNK}
     * @return (count, sampleShape...) attached to {@code manager}
     * @throws IllegalArgumentException when start is not a multiple of {@link #CHUNK}, count is not positive or
     *     the labels do not fit the generator
     */
    public static NDArray generateRange(Generator generator, int[] labels, int start, int count, long seed, NDManager manager) {
        if (start < 0 || start % CHUNK != 0) {
            throw new IllegalArgumentException("a range of samples starts at a multiple of " + CHUNK + ", not at " + start);
        }
        if (count <= 0) {
            throw new IllegalArgumentException("sample count must be > 0, was " + count);
        }
        checkLabels(generator, count, labels);
        NDList parts = new NDList();
        forEachChunk(generator, labels, start / CHUNK, count, seed, manager, chunk -> {
            chunk.attach(manager);
            parts.add(chunk);
        });
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
    }

    /** Returns {@code count} labels cycling through 0..numClasses−1. */
    public static int[] balancedLabels(int count, int numClasses) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % numClasses;
        }
        return labels;
    }

    /**
     * Returns {@code count} labels in the proportions of {@code classCounts}, spread evenly: every
     * prefix of the labels holds each class within one sample of its share (smooth weighted
     * round-robin), so any first n samples are as proportional as n allows.
     *
     * @throws IllegalArgumentException when a count is negative or all are 0
     */
    public static int[] proportionalLabels(int count, int[] classCounts) {
        long total = 0;
        for (int c : classCounts) {
            if (c < 0) {
                throw new IllegalArgumentException("class counts must be >= 0: " + Arrays.toString(classCounts));
            }
            total += c;
        }
        if (total == 0) {
            throw new IllegalArgumentException("class counts are all 0");
        }
        long[] credit = new long[classCounts.length];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int best = 0;
            for (int c = 0; c < credit.length; c++) {
                credit[c] += classCounts[c];
                if (credit[c] > credit[best]) {
                    best = c;
                }
            }
            credit[best] -= total;
            labels[i] = best;
        }
        return labels;
    }

    /**
     * Returns the classes {@code generator} makes {@code count} samples of when no class is asked for:
     * null for an unconditional generator; else in the proportions of {@code classCounts} (the training
     * data's, see {@link RunRecord#classCounts()}), or balanced when they are null.
     */
    public static int[] labels(Generator generator, int count, int[] classCounts) {
        if (generator.numClasses() == 0) {
            return null;
        }
        return classCounts != null ? proportionalLabels(count, classCounts) : balancedLabels(count, generator.numClasses());
    }

    /**
     * Returns labels [start, start + count) of {@link #labels(Generator, int, int[])} for any total count
     * above {@code start + count}, without making the labels before {@code start}: balanced labels repeat
     * with period K, proportional ones with period Σ classCounts (smooth weighted round-robin draws each
     * class exactly its count in every period and returns to its starting state).
     *
     * @return the labels, or null for an unconditional generator
     */
    public static int[] labels(Generator generator, int start, int count, int[] classCounts) {
        if (generator.numClasses() == 0) {
            return null;
        }
        long period = classCounts == null ? generator.numClasses() : Arrays.stream(classCounts).asLongStream().sum();
        int[] cycle = labels(generator, (int) Math.min(period, (long) start + count), classCounts);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = cycle[(int) (((long) start + i) % period)];
        }
        return out;
    }

    /**
     * Checks that {@code labels} fit {@code generator} for {@code count} samples: one per sample for a
     * conditional generator, null for an unconditional one.
     *
     * @throws IllegalArgumentException when labels are missing, superfluous, or not {@code count}
     */
    public static void checkLabels(Generator generator, int count, int[] labels) {
        if ((labels == null) != (generator.numClasses() == 0) || labels != null && labels.length != count) {
            throw new IllegalArgumentException("a conditional generator needs one label per sample, an unconditional one none");
        }
    }

    /** Returns labels for a grid with one row of {@code columns} samples per class, in class order. */
    public static int[] rowPerClass(int numClasses, int columns) {
        int[] labels = new int[numClasses * columns];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / columns;
        }
        return labels;
    }

    /**
     * Runs {@code generator} on the noise {@link #generate(Generator, int, long, NDManager)} would use
     * for {@code count} samples, a chunk at a time, and hands each chunk's samples to {@code consumer}.
     * Every array of a chunk is released after it, so any count fits in memory.
     */
    public static void forEachChunk(Generator generator, int count, long seed, NDManager manager, Consumer<NDArray> consumer) {
        forEachChunk(generator, balancedLabelsIfConditional(generator, count), count, seed, manager, consumer);
    }

    /** Checks {@code count}; returns balanced labels for a conditional generator, null for an unconditional one. */
    private static int[] balancedLabelsIfConditional(Generator generator, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("sample count must be > 0, was " + count);
        }
        return labels(generator, count, null);
    }

    /** Keeps only each chunk's samples: the chunk's intermediate arrays are released as it ends. */
    private static NDArray generate(Generator generator, int[] labels, int count, long seed, NDManager manager) {
        return generateRange(generator, labels, 0, count, seed, manager);
    }

    private static void forEachChunk(Generator generator, int[] labels, int count, long seed, NDManager manager,
            Consumer<NDArray> consumer) {
        forEachChunk(generator, labels, 0, count, seed, manager, consumer);
    }

    /** Runs chunks firstChunk, firstChunk + 1, … for {@code count} samples; {@code labels} index from the range's start. */
    private static void forEachChunk(Generator generator, int[] labels, int firstChunk, int count, long seed, NDManager manager,
            Consumer<NDArray> consumer) {
        ParameterStore store = new ParameterStore(manager, false);
        for (int start = 0, chunk = firstChunk; start < count; start += CHUNK, chunk++) {
            int n = Math.min(CHUNK, count - start);
            try (NDManager scope = manager.newSubManager()) {
                NDArray z = Noise.normal(scope, new Shape(n).addAll(generator.latentShape()), Seeds.mix(seed, chunk));
                NDList inputs = labels == null ? new NDList(z) : new NDList(z, scope.create(Arrays.copyOfRange(labels, start, start + n)));
                consumer.accept(generator.block().forward(store, inputs, false).singletonOrThrow());
            }
        }
    }
}
