package io.gan4j.models.infogan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.SampleClassifier;
import io.gan4j.core.model.VariantContext;
import java.util.Optional;

/**
 * {@code InfoGan} adds InfoGAN's mutual-information term to the run's adversarial losses: the Q head
 * (sharing D's trunk) predicts the codes a fake batch was generated from, and λ·(cross-entropy of the
 * categorical code + ½‖c − μ‖² of the continuous ones, a Gaussian of fixed unit variance) is added to
 * both players' objectives, as the official code does: D's trunk and Q learn it in D's update, G in
 * its own.
 */
final class InfoGan extends AdversarialVariant {

    private final Discriminator discriminator;
    private final int noise;
    private final int categories;
    private final int continuous;
    private final float infoWeight;

    InfoGan(Generator generator, Discriminator discriminator, VariantContext ctx, int noise, int categories, int continuous,
            double infoWeight) {
        super(generator, discriminator, ctx);
        this.discriminator = discriminator;
        this.noise = noise;
        this.categories = categories;
        this.continuous = continuous;
        this.infoWeight = (float) infoWeight;
    }

    @Override
    protected NDArray discriminatorLoss(NDList real, NDList fake, NDArray labels, NDArray latent) {
        return discriminatorLoss(real, fake, labels).add(information(fake.get(1), latent).mul(infoWeight));
    }

    @Override
    protected NDArray generatorLoss(NDList real, NDList fake, NDArray labels, NDArray latent) {
        return generatorLoss(real, fake, labels).add(information(fake.get(1), latent).mul(infoWeight));
    }

    /** The negative variational lower bound of I(c; G(z, c)), up to constants. */
    private NDArray information(NDArray q, NDArray latent) {
        NDArray slots = latent.get(new NDIndex(":, {}:{}", noise, noise + categories));
        NDArray category = slots.argMax(1).toType(DataType.INT32, false).oneHot(categories).toType(q.getDataType(), false);
        NDArray logits = q.get(new NDIndex(":, :{}", categories));
        NDArray crossEntropy = logits.logSoftmax(1).mul(category).sum(new int[] {1}).mean().neg();
        if (continuous == 0) {
            return crossEntropy;
        }
        NDArray codes = latent.get(new NDIndex(":, {}:", noise + categories));
        NDArray means = q.get(new NDIndex(":, {}:", categories));
        return crossEntropy.add(means.sub(codes).square().sum(new int[] {1}).mean().mul(0.5f));
    }

    /** The categorical code Q reads from real samples: the groups InfoGAN found, unmatched to labels. */
    @Override
    public Optional<SampleClassifier> classifier() {
        return Optional.of(new SampleClassifier() {
            @Override
            public int numClasses() {
                return categories;
            }

            @Override
            public boolean supervised() {
                return false;
            }

            @Override
            public NDArray classify(NDArray samples) {
                NDList out = discriminator.block().forward(new ParameterStore(samples.getManager(), false), new NDList(samples), false);
                return out.get(1).get(new NDIndex(":, :{}", categories));
            }
        });
    }
}
