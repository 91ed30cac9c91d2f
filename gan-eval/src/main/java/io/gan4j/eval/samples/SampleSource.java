package io.gan4j.eval.samples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.model.Generator;
import io.gan4j.core.train.DiscriminatorRejection;
import io.gan4j.core.train.Sampling;
import io.gan4j.core.train.Seeds;
import java.util.Arrays;
import java.util.Optional;

/**
 * A {@code SampleSource} yields a fixed number of samples in batches: a seeded random subset of a
 * dataset, or a trained generator's samples from seeded noise.
 */
public interface SampleSource {

    /** Returns a short description for reports, e.g. the dataset or run. */
    String description();

    /** Returns how many samples the source yields. */
    int size();

    /** Returns the shape of one sample. */
    Shape sampleShape();

    /** Returns samples [start, start + count) as an array (count, sampleShape...) in {@code manager}. */
    NDArray batch(int start, int count, NDManager manager);

    /** Returns every sample's class, in order, when known (labelled data, a conditional generator). */
    default Optional<int[]> labels() {
        return Optional.empty();
    }

    /** Returns {@code n} samples of {@code data} in an order fixed by {@code seed} (all of them if n exceeds its size). */
    static SampleSource of(Dataset data, int n, long seed) {
        int count = Math.min(n, data.size());
        int[] order = Seeds.permutation(data.size(), Seeds.mix(seed, Seeds.DATA));
        int sampleSize = Math.toIntExact(data.sampleShape().size());
        return new SampleSource() {
            @Override
            public String description() {
                return data.description();
            }

            @Override
            public int size() {
                return count;
            }

            @Override
            public Shape sampleShape() {
                return data.sampleShape();
            }

            @Override
            public NDArray batch(int start, int size, NDManager manager) {
                float[] buffer = new float[size * sampleSize];
                for (int i = 0; i < size; i++) {
                    data.read(order[start + i], buffer, i * sampleSize);
                }
                return manager.create(buffer, new Shape(size).addAll(data.sampleShape()));
            }

            @Override
            public Optional<int[]> labels() {
                if (data.numClasses() == 0) {
                    return Optional.empty();
                }
                int[] labels = new int[count];
                for (int i = 0; i < count; i++) {
                    labels[i] = data.label(order[i]);
                }
                return Optional.of(labels);
            }

        };
    }

    /**
     * Returns {@code n} samples of a generator from noise fixed by {@code seed}; a conditional
     * generator's sample i is of class i mod K.
     */
    static SampleSource of(Generator generator, String description, int n, long seed) {
        return of(generator, description, n, Sampling.labels(generator, n, null), seed);
    }

    /**
     * Returns {@code n} samples of a generator from noise fixed by {@code seed}; a conditional
     * generator's sample i is of class {@code labels[i]}, an unconditional one takes null labels.
     *
     * @throws IllegalArgumentException when labels are missing, superfluous, or not n
     */
    static SampleSource of(Generator generator, String description, int n, int[] labels, long seed) {
        Sampling.checkLabels(generator, n, labels);
        return generated(description, n, generator.sampleShape(), labels, (start, size, manager) -> {
            long batchSeed = Seeds.mix(seed, start);
            return labels == null ? Sampling.generate(generator, size, batchSeed, manager)
                    : Sampling.generate(generator, Arrays.copyOfRange(labels, start, start + size), batchSeed, manager);
        });
    }

    /**
     * Returns {@code n} samples kept by discriminator rejection sampling, from noise fixed by {@code seed};
     * labels as for {@link #of(Generator, String, int, int[], long)}.
     */
    static SampleSource of(DiscriminatorRejection rejection, String description, int n, int[] labels, long seed) {
        Generator generator = rejection.generator();
        Sampling.checkLabels(generator, n, labels);
        return generated(description, n, generator.sampleShape(), labels, (start, size, manager) -> rejection.generate(size,
                labels == null ? null : Arrays.copyOfRange(labels, start, start + size), Seeds.mix(seed, start), manager));
    }

    /**
     * Returns {@code n} unlabelled samples of the given shape whose batches {@code batches} makes, e.g.
     * from values already in memory (an {@code .npy} file, translated images).
     *
     * @param description a short description for reports
     * @param n how many samples
     * @param shape the shape of one sample
     * @param batches makes samples [start, start + size)
     * @return the source
     */
    static SampleSource of(String description, int n, Shape shape, Batches batches) {
        return generated(description, n, shape, null, batches);
    }

    /** Makes the batches of a source. */
    interface Batches {
        /** Returns samples [start, start + size) in {@code manager}. */
        NDArray batch(int start, int size, NDManager manager);
    }

    private static SampleSource generated(String description, int n, Shape shape, int[] labels, Batches batches) {
        return new SampleSource() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public int size() {
                return n;
            }

            @Override
            public Shape sampleShape() {
                return shape;
            }

            @Override
            public NDArray batch(int start, int size, NDManager manager) {
                return batches.batch(start, size, manager);
            }

            @Override
            public Optional<int[]> labels() {
                return Optional.ofNullable(labels);
            }
        };
    }
}
