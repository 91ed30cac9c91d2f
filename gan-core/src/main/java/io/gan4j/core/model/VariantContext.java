package io.gan4j.core.model;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.augment.DiffAugment;
import io.gan4j.core.loss.AdversarialLoss;
import io.gan4j.core.loss.DiscriminatorPenalty;
import io.gan4j.core.loss.TopK;
import io.gan4j.core.spi.Options;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code VariantContext} is everything a {@link GanVariantFactory} needs to build a variant.
 *
 * @param options the variant's resolved options
 * @param sampleShape shape of one real sample, without the batch axis
 * @param numClasses number of classes of the data, 0 when unlabelled
 * @param loss the adversarial loss selected for the run
 * @param penalty the discriminator penalty selected for the run, if any
 * @param augmentation what to apply to every batch the discriminator sees
 * @param topK which generated samples the generator's updates learn from
 */
public record VariantContext(Options options, Shape sampleShape, int numClasses, AdversarialLoss loss,
        Optional<DiscriminatorPenalty> penalty, DiffAugment augmentation, TopK topK) {

    /**
     * Checks the fields.
     *
     * @param options the variant's resolved options
     * @param sampleShape shape of one real sample, without the batch axis
     * @param numClasses number of classes of the data, 0 when unlabelled
     * @param loss the adversarial loss selected for the run
     * @param penalty the discriminator penalty selected for the run, if any
     * @param augmentation what to apply to every batch the discriminator sees
     * @param topK which generated samples the generator's updates learn from
     */
    public VariantContext {
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(sampleShape, "sampleShape is null");
        Objects.requireNonNull(loss, "loss is null");
        Objects.requireNonNull(penalty, "penalty is null");
        Objects.requireNonNull(augmentation, "augmentation is null");
        Objects.requireNonNull(topK, "topK is null");
        if (numClasses < 0) {
            throw new IllegalArgumentException("numClasses must be >= 0, was " + numClasses);
        }
        augmentation.checkApplicable(sampleShape);
    }

    /**
     * Creates a context with plain generator updates.
     *
     * @param options the variant's resolved options
     * @param sampleShape shape of one real sample, without the batch axis
     * @param numClasses number of classes of the data, 0 when unlabelled
     * @param loss the adversarial loss selected for the run
     * @param penalty the discriminator penalty selected for the run, if any
     * @param augmentation what to apply to every batch the discriminator sees
     */
    public VariantContext(Options options, Shape sampleShape, int numClasses, AdversarialLoss loss,
            Optional<DiscriminatorPenalty> penalty, DiffAugment augmentation) {
        this(options, sampleShape, numClasses, loss, penalty, augmentation, TopK.NONE);
    }

    /**
     * Creates a context without penalty, augmentation or top-k updates.
     *
     * @param options the variant's resolved options
     * @param sampleShape shape of one real sample, without the batch axis
     * @param numClasses number of classes of the data, 0 when unlabelled
     * @param loss the adversarial loss selected for the run
     */
    public VariantContext(Options options, Shape sampleShape, int numClasses, AdversarialLoss loss) {
        this(options, sampleShape, numClasses, loss, Optional.empty(), DiffAugment.NONE);
    }
}
