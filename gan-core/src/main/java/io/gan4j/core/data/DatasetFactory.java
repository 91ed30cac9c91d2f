package io.gan4j.core.data;

import io.gan4j.core.plugin.PluginFactory;

/**
 * A {@code DatasetFactory} opens datasets of one kind, named by a spec string {@code name[:argument]}
 * such as {@code mnist} or {@code idx:/data/train-images-idx3-ubyte.gz}.
 */
public interface DatasetFactory extends PluginFactory {

    /** Returns how the argument after {@code name:} is written, e.g. {@code IMAGES[,LABELS]}. */
    default String argumentHint() {
        return "";
    }

    /**
     * Opens a dataset.
     *
     * @param argument the text after {@code name:}, empty when absent
     * @param seed seed for datasets that are sampled (toy distributions)
     * @return the dataset
     * @throws IllegalArgumentException naming the file or argument and what was expected
     */
    Dataset open(String argument, long seed);
}
