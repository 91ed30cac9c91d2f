package io.gan4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
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

    /**
     * Returns the trainable networks, in a fixed order.
     *
     * @return the trainable networks, in a fixed order
     */
    List<Network> networks();

    /**
     * Returns the optimizer groups; every network belongs to at most one.
     *
     * @return the optimizer groups; every network belongs to at most one
     */
    List<OptimizerGroup> optimizerGroups();

    /**
     * Runs one training step: by convention one generator update and its discriminator updates.
     *
     * @param context the step's data, noise, forward passes and updates
     * @return named loss values to log, e.g. {@code d_loss}, {@code g_loss}
     */
    Map<String, Float> trainStep(StepContext context);

    /**
     * Returns the network that turns noise into samples, when the variant has one.
     *
     * @return the network that turns noise into samples, when the variant has one
     */
    default Optional<Generator> generator() {
        return Optional.empty();
    }

    /**
     * Returns the network that tells real samples from the generator's, when the variant has exactly one
     * (rejection sampling uses it, see {@code DiscriminatorRejection}).
     *
     * @return the network that tells real samples from the generator's, when the variant has exactly one
     *     (rejection sampling uses it, see {@code DiscriminatorRejection})
     */
    default Optional<Discriminator> discriminator() {
        return Optional.empty();
    }

    /**
     * Creates the training state the variant keeps across steps besides its weights, such as
     * CycleGAN's image pools. Called once before the first step; the arrays live in {@code manager},
     * which outlives every step, and must be updated in place. Checkpoints save them and a resumed run
     * restores them in place, so the state must be entirely in these arrays.
     *
     * @param manager owns the state for the run's lifetime
     * @return the state arrays by name (unique within the variant)
     */
    default Map<String, NDArray> createTrainingState(NDManager manager) {
        return Map.of();
    }

    /**
     * Returns a picture of what the variant does to a few fixed real samples, for variants without a
     * {@link #generator()} (whose random samples are shown instead): e.g. CycleGAN's input →
     * translation → reconstruction. The trainer writes it as the run's sample grid.
     *
     * @param real the same few real samples (batch axis first) every time it is called
     * @param manager owns the arrays made; closed by the caller
     * @return the images to show, or empty for nothing
     */
    default Optional<ImageSheet> preview(NDArray real, NDManager manager) {
        return Optional.empty();
    }

    /**
     * Returns the networks that map images of one domain to another, by direction (e.g. {@code AtoB}),
     * for translation variants; each takes and returns (N, C, H, W) images in [-1, 1]. Empty for
     * other variants.
     *
     * @return the networks that map images of one domain to another, by direction
     */
    default Map<String, Block> translations() {
        return Map.of();
    }

    /**
     * Returns how the trained variant assigns samples to classes, for variants that learn to (InfoGAN's
     * categorical code, a semi-supervised discriminator).
     *
     * @return how the trained variant assigns samples to classes
     */
    default Optional<SampleClassifier> classifier() {
        return Optional.empty();
    }

    /**
     * Returns how the trained variant fills a missing region of images, for inpainting variants.
     *
     * @return how the trained variant fills a missing region of images, for inpainting variants
     */
    default Optional<Inpainter> inpainter() {
        return Optional.empty();
    }

    /**
     * Returns how the trained variant enlarges images, for super-resolution variants.
     *
     * @return how the trained variant enlarges images, for super-resolution variants
     */
    default Optional<Upscaler> upscaler() {
        return Optional.empty();
    }

    /**
     * Returns how the trained variant scores samples as anomalies, for anomaly-detection variants.
     *
     * @return how the trained variant scores samples as anomalies, for anomaly-detection variants
     */
    default Optional<AnomalyScorer> anomalyScorer() {
        return Optional.empty();
    }
}
