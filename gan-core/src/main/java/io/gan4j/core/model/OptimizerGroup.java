package io.gan4j.core.model;

import java.util.List;
import java.util.Objects;

/**
 * An {@code OptimizerGroup} names one optimizer and the networks whose trainable parameters it
 * updates: one group per network for a plain GAN, one for both generators of a CycleGAN.
 *
 * @param name the name training steps refer to in {@link StepContext#minimize}
 * @param networks names of the networks it updates
 */
public record OptimizerGroup(String name, List<String> networks) {

    /**
     * Checks the fields.
     *
     * @param name the group's name, e.g. {@code generator}; {@code --lr-for NAME=LR} and {@code --freeze} use it
     * @param networks names of the networks it updates
     */
    public OptimizerGroup {
        Objects.requireNonNull(name, "name is null");
        networks = List.copyOf(networks);
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("optimizer group '" + name + "' updates no network");
        }
    }
}
