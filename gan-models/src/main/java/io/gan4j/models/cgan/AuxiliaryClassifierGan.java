package io.gan4j.models.cgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.gan4j.core.loss.AdversarialLoss;
import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.Generator;

/**
 * {@code AuxiliaryClassifierGan} is ACGAN (Odena et al. 2017): D has a second head that classifies
 * every sample, and both players also minimize its cross-entropy on the labels — D on real and
 * generated samples, G on generated ones — weighted by {@code classWeight}.
 */
final class AuxiliaryClassifierGan extends AdversarialVariant {

    private final int numClasses;
    private final float classWeight;

    AuxiliaryClassifierGan(Generator generator, Discriminator discriminator, AdversarialLoss loss, float classWeight) {
        super(generator, discriminator, loss);
        this.numClasses = generator.numClasses();
        this.classWeight = classWeight;
    }

    @Override
    protected NDArray discriminatorLoss(NDList real, NDList fake, NDArray labels) {
        NDArray classLoss = crossEntropy(real.get(1), labels).add(crossEntropy(fake.get(1), labels));
        return super.discriminatorLoss(real, fake, labels).add(classLoss.mul(classWeight));
    }

    @Override
    protected NDArray generatorLoss(NDList fake, NDArray labels) {
        return super.generatorLoss(fake, labels).add(crossEntropy(fake.get(1), labels).mul(classWeight));
    }

    private NDArray crossEntropy(NDArray logits, NDArray labels) {
        return logits.logSoftmax(1).mul(labels.oneHot(numClasses)).sum(new int[] {1}).mean().neg();
    }
}
