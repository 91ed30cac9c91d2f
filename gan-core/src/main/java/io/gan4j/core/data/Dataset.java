package io.gan4j.core.data;

import ai.djl.ndarray.types.Shape;

/**
 * A {@code Dataset} is a finite, indexable collection of real samples the trainer draws
 * mini-batches from, each a float vector already scaled to the range the generator produces
 * (images: [-1, 1]).
 *
 * <p>Implementations are read-only after construction and safe to read from several threads. The
 * trainer does the shuffling and batching, so a dataset only answers for single indices.
 */
public interface Dataset {

    /**
     * Returns a human description that says where the data came from, e.g. a path and count.
     *
     * @return a human description that says where the data came from, e.g
     */
    String description();

    /**
     * Returns the number of samples.
     *
     * @return the number of samples
     */
    int size();

    /**
     * Returns the shape of one sample, e.g. (1, 28, 28) for MNIST or (2) for a 2-D toy set.
     *
     * @return the shape of one sample, e.g
     */
    Shape sampleShape();

    /**
     * Returns the number of classes, or 0 for unlabelled data.
     *
     * @return the number of classes, or 0 for unlabelled data
     */
    int numClasses();

    /**
     * Copies sample {@code index} into {@code into} starting at {@code offset}.
     *
     * @param index sample index in [0, size)
     * @param into destination
     * @param offset first position written; {@code sampleShape().size()} values are written
     */
    void read(int index, float[] into, int offset);

    /**
     * Returns the class of sample {@code index}.
     *
     * @param index sample index in [0, size)
     * @return the class of sample {@code index}
     * @throws UnsupportedOperationException when {@link #numClasses()} is 0
     */
    default int label(int index) {
        throw new UnsupportedOperationException(description() + " has no labels");
    }

    /**
     * Returns how many samples each class has (length {@link #numClasses()}; empty for unlabelled data).
     *
     * @return how many samples each class has (length {@link #numClasses()}; empty for unlabelled data)
     */
    default int[] classCounts() {
        int[] counts = new int[numClasses()];
        if (counts.length > 0) {
            for (int i = 0; i < size(); i++) {
                counts[label(i)]++;
            }
        }
        return counts;
    }

    /**
     * Writes what a run on this dataset must keep beside its weights to use them later (e.g. a table's
     * column encoding, to turn generated vectors back into rows) into {@code runDirectory}; nothing by
     * default. Called once when a run starts.
     *
     * @param runDirectory the run directory being created
     */
    default void writeRunFiles(java.nio.file.Path runDirectory) {
    }
}
