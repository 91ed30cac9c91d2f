package io.gan4j.core.loss;

import io.gan4j.core.spi.Options;
import io.gan4j.core.spi.PluginFactory;

/** A {@code LossFactory} creates an {@link AdversarialLoss} from its resolved options. */
public interface LossFactory extends PluginFactory {

    /**
     * Creates the loss.
     *
     * @param options resolved against {@link #options()}
     * @return the loss
     */
    AdversarialLoss create(Options options);

    /**
     * Returns the discriminator updates per generator update this loss is meant for, used when a run does not say.
     *
     * @return the discriminator updates per generator update this loss is meant for, used when a run does not
     *     say
     */
    default int discriminatorSteps() {
        return 1;
    }
}
