package io.gan4j.data.idx;

import ai.djl.ndarray.types.Shape;
import io.gan4j.data.image.ImageTensorDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** {@code IdxDatasets} opens IDX files, from any path or from the embedded MNIST test split, as datasets. */
public final class IdxDatasets {

    private static final String EMBEDDED = "/io/gan4j/data/mnist/";
    private static final int DIGITS = 10;

    private IdxDatasets() {}

    /**
     * Opens an IDX images file with an optional labels file.
     *
     * @param images IDX images, raw or .gz
     * @param labels IDX labels, or {@code null}
     */
    public static ImageTensorDataset open(Path images, Path labels) {
        IdxImages idx = IdxFile.readImages(images);
        byte[] y = labels == null ? null : IdxFile.readLabels(labels);
        String what = "IDX " + images + (labels == null ? "" : " with labels " + labels) + " (" + idx.count() + " images)";
        return dataset(what, idx, y);
    }

    /**
     * Opens the MNIST test split (10,000 labelled images) that ships inside this jar: the
     * project's download-free default.
     */
    public static ImageTensorDataset embeddedMnist() {
        try (InputStream images = resource("t10k-images-idx3-ubyte.gz");
                InputStream labels = resource("t10k-labels-idx1-ubyte.gz")) {
            IdxImages idx = IdxFile.readImages("embedded MNIST images", images);
            byte[] y = IdxFile.readLabels("embedded MNIST labels", labels);
            return dataset("embedded MNIST test split (10,000 images; LeCun, Cortes, Burges; CC BY-SA 3.0)", idx, y);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded MNIST data", e);
        }
    }

    private static ImageTensorDataset dataset(String description, IdxImages idx, byte[] labels) {
        if (labels != null && labels.length != idx.count()) {
            throw new IllegalArgumentException("the labels of " + idx.source() + " number " + labels.length
                    + ", the images " + idx.count());
        }
        int classes = 0;
        if (labels != null) {
            classes = DIGITS;
            for (byte b : labels) {
                classes = Math.max(classes, (b & 0xFF) + 1);
            }
        }
        return new ImageTensorDataset(description, idx.pixels(), new Shape(1, idx.rows(), idx.cols()), labels, classes);
    }

    private static InputStream resource(String name) {
        InputStream in = IdxDatasets.class.getResourceAsStream(EMBEDDED + name);
        if (in == null) {
            throw new IllegalStateException("embedded resource missing: " + EMBEDDED + name);
        }
        return in;
    }
}
