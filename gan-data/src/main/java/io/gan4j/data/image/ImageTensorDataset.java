package io.gan4j.data.image;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;

/**
 * An {@code ImageTensorDataset} is an in-memory image dataset: unsigned-byte pixels (N, C, H, W)
 * served as floats scaled to [-1, 1] (x / 127.5 − 1, as the PyTorch DCGAN reference does), with
 * optional labels.
 */
public final class ImageTensorDataset implements Dataset {

    private final String description;
    private final byte[] pixels;
    private final Shape sampleShape;
    private final int sampleSize;
    private final int size;
    private final byte[] labels;
    private final int numClasses;

    /**
     * Creates the dataset.
     *
     * @param description where the data came from
     * @param pixels N·C·H·W unsigned bytes, sample-major
     * @param sampleShape (C, H, W)
     * @param labels one class per sample, or {@code null}
     * @param numClasses number of classes when labelled
     */
    public ImageTensorDataset(String description, byte[] pixels, Shape sampleShape, byte[] labels, int numClasses) {
        if (sampleShape.dimension() != 3) {
            throw new IllegalArgumentException("image sample shape must be (C, H, W), was " + sampleShape);
        }
        this.description = description;
        this.pixels = pixels;
        this.sampleShape = sampleShape;
        this.sampleSize = Math.toIntExact(sampleShape.size());
        if (pixels.length % sampleSize != 0) {
            throw new IllegalArgumentException(description + ": " + pixels.length + " bytes is not a whole number of " + sampleShape + " images");
        }
        this.size = pixels.length / sampleSize;
        if (labels != null) {
            if (labels.length != size) {
                throw new IllegalArgumentException(description + ": " + labels.length + " labels for " + size + " images");
            }
            for (int i = 0; i < labels.length; i++) {
                int label = labels[i] & 0xFF;
                if (label >= numClasses) {
                    throw new IllegalArgumentException(description + ": label " + label + " of sample " + i + " is outside 0.." + (numClasses - 1));
                }
            }
        }
        this.labels = labels;
        this.numClasses = labels == null ? 0 : numClasses;
    }

    /** Returns 8-bit pixels of samples in [-1, 1] (the inverse of {@link #read}, rounded and clipped). */
    public static byte[] toPixels(float[] samples) {
        byte[] pixels = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            pixels[i] = (byte) Math.max(0, Math.min(255, Math.round((samples[i] + 1f) * 127.5f)));
        }
        return pixels;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Shape sampleShape() {
        return sampleShape;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public void read(int index, float[] into, int offset) {
        int base = index * sampleSize;
        for (int i = 0; i < sampleSize; i++) {
            into[offset + i] = (pixels[base + i] & 0xFF) / 127.5f - 1f;
        }
    }

    @Override
    public int label(int index) {
        if (labels == null) {
            return Dataset.super.label(index);
        }
        return labels[index] & 0xFF;
    }
}
