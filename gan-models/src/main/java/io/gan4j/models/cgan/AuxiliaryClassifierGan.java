package io.gan4j.models.cgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.VariantContext;

/**
 * {@code AuxiliaryClassifierGan} is ACGAN (Odena et al. 2017): D has a second head that classifies
 * samples, and both players also minimize its cross-entropy on the labels, weighted by
 * {@code classWeight}: G on generated samples, D on real ones and, as in the paper, optionally on
 * generated ones too. That last term is off by default: with it, D's classifier can learn the classes
 * G happens to draw rather than the real ones, and G and D settle on codes real data does not share
 * (measured on MNIST: class accuracy 0.60 with it, see docs/benchmarks/conditional-mnist.md).
 */
final class AuxiliaryClassifierGan extends AdversarialVariant {

    private final int numClasses;
    private final float classWeight;
    private final boolean fakeClassLoss;

    AuxiliaryClassifierGan(Generator generator, Discriminator discriminator, VariantContext ctx, float classWeight,
            boolean fakeClassLoss) {
        super(generator, discriminator, ctx);
        this.numClasses = generator.numClasses();
        this.classWeight = classWeight;
        this.fakeClassLoss = fakeClassLoss;
    }

    @Override
    protected NDArray discriminatorLoss(NDList real, NDList fake, NDArray labels) {
        NDArray classLoss = crossEntropy(real.get(1), labels);
        if (fakeClassLoss) {
            classLoss = classLoss.add(crossEntropy(fake.get(1), labels));
        }
        return super.discriminatorLoss(real, fake, labels).add(classLoss.mul(classWeight));
    }

    @Override
    protected NDArray generatorLoss(NDList real, NDList fake, NDArray labels) {
        return super.generatorLoss(real, fake, labels).add(crossEntropy(fake.get(1), labels).mul(classWeight));
    }

    private NDArray crossEntropy(NDArray logits, NDArray labels) {
        return logits.logSoftmax(1).mul(labels.oneHot(numClasses)).sum(new int[] {1}).mean().neg();
    }
}
