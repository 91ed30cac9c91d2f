package io.gan4j.core.eval;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import io.gan4j.core.spi.PluginFactory;
import java.util.List;
import java.util.function.BiFunction;

/** A {@code FeatureNetworkFactory} creates a {@link FeatureNetwork} from its resolved options. */
public interface FeatureNetworkFactory extends PluginFactory {

    /**
     * Creates the network with its weights loaded, for samples of the given shape.
     *
     * @param options resolved against {@link #options()}
     * @param sampleShape shape of one sample to measure, without the batch axis
     * @return the network, which the caller closes
     * @throws IllegalArgumentException when the samples do not suit the network, or its weights
     *     cannot be found (saying where to put them)
     */
    FeatureNetwork create(Options options, Shape sampleShape);

    /**
     * Returns a factory with the given name, description, options and creating function.
     *
     * @param name the feature network's name
     * @param description a one-line description for {@code gan list}
     * @param options the options the network accepts
     * @param create creates the network from its resolved options and the sample shape
     * @return a factory with the given name, description, options and creating function
     */
    static FeatureNetworkFactory of(String name, String description, List<OptionSpec> options,
            BiFunction<Options, Shape, FeatureNetwork> create) {
        return new FeatureNetworkFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public List<OptionSpec> options() {
                return options;
            }

            @Override
            public FeatureNetwork create(Options resolved, Shape sampleShape) {
                return create.apply(resolved, sampleShape);
            }
        };
    }
}
