package io.gan4j.core.train;

/**
 * A {@code DataCursor} walks a dataset in seeded random order: epoch {@code e} visits a
 * permutation fixed by (seed, e), in consecutive batches, dropping the incomplete last batch. Its
 * whole state is (epoch, position), which checkpoints save.
 */
final class DataCursor {

    private final int size;
    private final long seed;
    private long epoch;
    private int position;
    private int[] permutation;

    DataCursor(int size, long seed, long epoch, int position) {
        this.size = size;
        this.seed = seed;
        this.epoch = epoch;
        this.position = position;
    }

    /** Returns the indices of the next batch. */
    int[] next(int batchSize) {
        if (position + batchSize > size) {
            epoch++;
            position = 0;
            permutation = null;
        }
        if (permutation == null) {
            permutation = Seeds.permutation(size, Seeds.mix(seed, Seeds.DATA, epoch));
        }
        int[] batch = new int[batchSize];
        System.arraycopy(permutation, position, batch, 0, batchSize);
        position += batchSize;
        return batch;
    }

    long epoch() {
        return epoch;
    }

    int position() {
        return position;
    }
}
