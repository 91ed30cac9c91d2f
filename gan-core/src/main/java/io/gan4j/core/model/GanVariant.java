package io.gan4j.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code GanVariant} is a whole GAN method: the networks it trains, the optimizers that update
 * them, and what one training step does. A plain GAN has a generator and a discriminator; CycleGAN
 * has two of each; GANomaly an encoder–decoder–encoder generator. The trainer stays the same.
 *
 * <p>To write one for a generator/discriminator pair, extend {@link AdversarialVariant}. Otherwise:
 * <ol>
 *   <li>create uninitialized blocks and declare them in {@link #networks()};
 *   <li>declare which optimizer updates which networks in {@link #optimizerGroups()};
 *   <li>implement {@link #trainStep} with the {@link StepContext}: draw batches and noise, call
 *       {@link StepContext#minimize} once per update, return the losses to log.
 * </ol>
 */
public interface GanVariant {

    /** Returns the trainable networks, in a fixed order. */
    List<Network> networks();

    /** Returns the optimizer groups; every network belongs to at most one. */
    List<OptimizerGroup> optimizerGroups();

    /**
     * Runs one training step: by convention one generator update and its discriminator updates.
     *
     * @param context the step's data, noise, forward passes and updates
     * @return named loss values to log, e.g. {@code d_loss}, {@code g_loss}
     */
    Map<String, Float> trainStep(StepContext context);

    /** Returns the network that turns noise into samples, when the variant has one. */
    default Optional<Generator> generator() {
        return Optional.empty();
    }
}
