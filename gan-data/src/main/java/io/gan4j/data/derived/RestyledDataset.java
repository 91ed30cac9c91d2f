package io.gan4j.data.derived;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A {@code RestyledDataset} is another image dataset with {@link Restyle} transforms applied in order
 * to every sample, labels kept: a second domain with the same content and a known true mapping.
 */
public final class RestyledDataset extends DatasetView {

    private final List<Restyle> transforms;
    private final int channels;
    private final int height;
    private final int width;

    /**
     * Creates the restyled view.
     *
     * @throws IllegalArgumentException when the source is not an image dataset or no transform is given
     */
    public RestyledDataset(Dataset source, List<Restyle> transforms) {
        super(source);
        this.transforms = List.copyOf(transforms);
        Shape shape = source.sampleShape();
        if (shape.dimension() != 3) {
            throw new IllegalArgumentException("restyle needs images (C, H, W), but " + source.description() + " has samples " + shape);
        }
        if (this.transforms.isEmpty()) {
            throw new IllegalArgumentException("restyle needs at least one transform");
        }
        channels = (int) shape.get(0);
        height = (int) shape.get(1);
        width = (int) shape.get(2);
    }

    /** Parses {@code T1,T2,...} (see {@link Restyle}) and applies it to {@code source}. */
    public static RestyledDataset parse(String transforms, Dataset source) {
        return new RestyledDataset(source, Arrays.stream(transforms.split(",")).map(Restyle::parse).toList());
    }

    /** Returns the transforms, in the order they are applied. */
    public List<Restyle> transforms() {
        return transforms;
    }

    @Override
    public String description() {
        return transforms.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).toList() + " of " + source.description();
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    protected int sourceIndex(int index) {
        return index;
    }

    @Override
    public void read(int index, float[] into, int offset) {
        super.read(index, into, offset);
        for (Restyle t : transforms) {
            t.apply(into, offset, channels, height, width);
        }
    }
}
