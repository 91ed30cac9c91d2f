package io.gan4j.data.stacked;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import java.util.SplittableRandom;

/**
 * {@code StackedMnist} is the 1,000-mode benchmark of VEEGAN and PacGAN (after Metz et al. 2017):
 * each sample stacks three MNIST digits, drawn independently and uniformly, as the three channels of
 * one 28×28 image; its mode (label) is 100·d₁ + 10·d₂ + d₃. Samples are made on demand from the
 * base set, so only the digit triples are stored.
 */
public final class StackedMnist implements Dataset {

    /** Number of modes. */
    public static final int MODES = 1000;

    private final Dataset base;
    private final int[] triples;
    private final int size;
    private final int imageSize;

    /**
     * Creates the dataset.
     *
     * @param base labelled 1×28×28 digits (e.g. MNIST)
     * @param size number of stacked samples
     * @param seed fixes the digit triples
     */
    public StackedMnist(Dataset base, int size, long seed) {
        if (!base.sampleShape().equals(new Shape(1, 28, 28)) || base.numClasses() != 10) {
            throw new IllegalArgumentException("Stacked MNIST needs labelled 1x28x28 digits with 10 classes, got "
                    + base.sampleShape() + " with " + base.numClasses() + " classes");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("Stacked MNIST size must be > 0, was " + size);
        }
        this.base = base;
        this.size = size;
        this.imageSize = 28 * 28;
        this.triples = new int[3 * size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < triples.length; i++) {
            triples[i] = random.nextInt(base.size());
        }
    }

    @Override
    public String description() {
        return "Stacked MNIST (" + size + " samples, 1,000 modes) from " + base.description();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Shape sampleShape() {
        return new Shape(3, 28, 28);
    }

    @Override
    public int numClasses() {
        return MODES;
    }

    @Override
    public void read(int index, float[] into, int offset) {
        for (int c = 0; c < 3; c++) {
            base.read(triples[3 * index + c], into, offset + c * imageSize);
        }
    }

    @Override
    public int label(int index) {
        return 100 * base.label(triples[3 * index]) + 10 * base.label(triples[3 * index + 1]) + base.label(triples[3 * index + 2]);
    }
}
