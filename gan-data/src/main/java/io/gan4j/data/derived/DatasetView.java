package io.gan4j.data.derived;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import java.util.Objects;

/**
 * A {@code DatasetView} is a dataset that serves samples of a source dataset, by an index map: same
 * sample shape and classes, each sample and label read from the source.
 */
abstract class DatasetView implements Dataset {

    /** The dataset the samples come from. */
    protected final Dataset source;

    DatasetView(Dataset source) {
        this.source = Objects.requireNonNull(source, "source is null");
    }

    /** Returns the source index of sample {@code index} of this view. */
    protected abstract int sourceIndex(int index);

    @Override
    public Shape sampleShape() {
        return source.sampleShape();
    }

    @Override
    public int numClasses() {
        return source.numClasses();
    }

    @Override
    public void read(int index, float[] into, int offset) {
        source.read(sourceIndex(Objects.checkIndex(index, size())), into, offset);
    }

    @Override
    public int label(int index) {
        return source.label(sourceIndex(Objects.checkIndex(index, size())));
    }
}
