package io.gan4j.core.loss;

import io.gan4j.core.spi.Options;
import java.util.Objects;

/**
 * A {@code FixedLossFactory} is the factory of a loss that has no options.
 *
 * @param name plugin name
 * @param description one line for humans
 * @param loss the loss every {@link #create} returns
 * @param discriminatorSteps discriminator updates per generator update the loss is meant for
 */
public record FixedLossFactory(String name, String description, AdversarialLoss loss, int discriminatorSteps)
        implements LossFactory {

    /**
     * Checks the fields.
     *
     * @param name the loss's name
     * @param description one line for humans
     * @param loss the loss every {@link #create} returns
     * @param discriminatorSteps discriminator updates per generator update the loss is meant for
     */
    public FixedLossFactory {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(loss, "loss is null");
        if (discriminatorSteps < 1) {
            throw new IllegalArgumentException("discriminatorSteps must be >= 1, was " + discriminatorSteps);
        }
    }

    /**
     * Creates the factory of a loss meant for one discriminator update per generator update.
     *
     * @param name the loss's name
     * @param description one line for humans
     * @param loss the loss every {@link #create} returns
     */
    public FixedLossFactory(String name, String description, AdversarialLoss loss) {
        this(name, description, loss, 1);
    }

    @Override
    public AdversarialLoss create(Options options) {
        return loss;
    }
}
