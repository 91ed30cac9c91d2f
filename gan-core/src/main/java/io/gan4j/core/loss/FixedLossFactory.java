package io.gan4j.core.loss;

import io.gan4j.core.plugin.Options;
import java.util.Objects;

/**
 * A {@code FixedLossFactory} is the factory of a loss that has no options.
 *
 * @param name plugin name
 * @param description one line for humans
 * @param loss the loss every {@link #create} returns
 */
public record FixedLossFactory(String name, String description, AdversarialLoss loss) implements LossFactory {

    /** Checks the fields. */
    public FixedLossFactory {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(loss, "loss is null");
    }

    @Override
    public AdversarialLoss create(Options options) {
        return loss;
    }
}
