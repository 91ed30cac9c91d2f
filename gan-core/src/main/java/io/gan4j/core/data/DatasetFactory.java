package io.gan4j.core.data;

import io.gan4j.core.plugin.PluginFactory;
import java.util.function.BiFunction;

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

    /** Returns a factory with the given name, argument hint, description and opening function. */
    static DatasetFactory of(String name, String argumentHint, String description, BiFunction<String, Long, Dataset> open) {
        return new DatasetFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public String argumentHint() {
                return argumentHint;
            }

            @Override
            public Dataset open(String argument, long seed) {
                return open.apply(argument, seed);
            }
        };
    }
}
