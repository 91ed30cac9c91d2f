package io.gan4j.core.data;

import io.gan4j.core.spi.PluginFactory;
import java.util.function.BiFunction;

/**
 * A {@code DatasetFactory} opens datasets of one kind, named by a spec string {@code name[:argument]}
 * such as {@code mnist} or {@code idx:/data/train-images-idx3-ubyte.gz}.
 */
public interface DatasetFactory extends PluginFactory {

    /**
     * Returns how the argument after {@code name:} is written, e.g. {@code IMAGES[,LABELS]}.
     *
     * @return how the argument after {@code name:} is written, e.g
     */
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

    /**
     * Opens a dataset that may be derived from others named by specs inside its argument (a subset,
     * a restyled copy, a pair of domains). The registry calls this; by default it ignores
     * {@code sources} and calls {@link #open(String, long)}.
     *
     * @param argument the text after {@code name:}, empty when absent
     * @param seed seed for datasets that are sampled
     * @param sources opens the dataset specs inside the argument with the same seed, and takes progress
     * @return the dataset
     * @throws IllegalArgumentException naming the file or argument and what was expected
     */
    default Dataset open(String argument, long seed, DatasetSources sources) {
        return open(argument, seed);
    }

    /**
     * Returns a factory with the given name, argument hint, description and opening function.
     *
     * @param name the dataset kind's name, the spec's scheme
     * @param argumentHint how the argument after {@code name:} is written, e.g. {@code IMAGES[,LABELS]}
     * @param description a one-line description for {@code gan list}
     * @param open opens a dataset from its argument and seed
     * @return a factory with the given name, argument hint, description and opening function
     */
    static DatasetFactory of(String name, String argumentHint, String description, BiFunction<String, Long, Dataset> open) {
        return of(name, argumentHint, description, (argument, seed, sources) -> open.apply(argument, seed));
    }

    /**
     * Returns a factory of datasets derived from others: {@code open} gets the argument and the
     * sources that open the specs inside it.
     *
     * @param name the dataset kind's name, the spec's scheme
     * @param argumentHint how the argument after {@code name:} is written, e.g. {@code IMAGES[,LABELS]}
     * @param description a one-line description for {@code gan list}
     * @param open opens a dataset from its argument and seed
     * @return a factory of datasets derived from others
     */
    static DatasetFactory derived(String name, String argumentHint, String description,
            BiFunction<String, DatasetSources, Dataset> open) {
        return of(name, argumentHint, description, (argument, seed, sources) -> {
            if (sources == null) {
                throw new UnsupportedOperationException("dataset '" + name + "' is derived from others; open it through the plugin registry");
            }
            return open.apply(argument, sources);
        });
    }

    /** How a factory made by {@link #of} opens a dataset; {@code sources} is null when the caller gave none. */
    @FunctionalInterface
    interface Opener {
        /**
         * Opens a dataset.
         *
         * @param argument the text after {@code name:}, empty when absent
         * @param seed seed for datasets that are sampled
         * @param sources opens the specs inside the argument, or null when the caller gave none
         * @return the dataset
         */
        Dataset open(String argument, long seed, DatasetSources sources);
    }

    /**
     * Returns a factory whose {@code opener} gets the argument, the seed and, when opened through the
     * plugin registry, the sources that open the specs inside the argument (else null): for sampled
     * datasets that may draw from another dataset.
     *
     * @param name the dataset kind's name, the spec's scheme
     * @param argumentHint how the argument after {@code name:} is written, e.g. {@code IMAGES[,LABELS]}
     * @param description a one-line description for {@code gan list}
     * @param opener opens a dataset from its argument, seed and sources
     * @return a factory whose {@code opener} gets the argument, the seed and, when opened through the plugin
     *     registry, the sources that open the specs inside the argument (else null)
     */
    static DatasetFactory of(String name, String argumentHint, String description, Opener opener) {
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
                return opener.open(argument, seed, null);
            }

            @Override
            public Dataset open(String argument, long seed, DatasetSources sources) {
                return opener.open(argument, seed, sources);
            }
        };
    }
}
