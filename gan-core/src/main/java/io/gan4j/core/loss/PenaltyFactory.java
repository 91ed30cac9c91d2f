package io.gan4j.core.loss;

import io.gan4j.core.spi.Options;
import io.gan4j.core.spi.PluginFactory;

/** A {@code PenaltyFactory} creates a {@link DiscriminatorPenalty} from its resolved options. */
public interface PenaltyFactory extends PluginFactory {

    /**
     * Creates the penalty.
     *
     * @param options resolved against {@link #options()}
     * @return the penalty
     */
    DiscriminatorPenalty create(Options options);

    /**
     * Returns the discriminator updates per generator update this penalty is meant for, used when a run does not say.
     *
     * @return the discriminator updates per generator update this penalty is meant for, used when a run does
     *     not say
     */
    default int discriminatorSteps() {
        return 1;
    }
}
