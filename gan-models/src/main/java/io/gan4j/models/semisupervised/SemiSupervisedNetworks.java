package io.gan4j.models.semisupervised;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.gan4j.core.layer.BatchNorm;

/**
 * The networks of Salimans et al.'s permutation-invariant MNIST experiments
 * ({@code train_mnist_feature_matching.py}): the generator two dense layers of 500 with batch norm and
 * softplus, then a dense layer to the image (tanh, for data in [−1, 1]); the discriminator dense ReLU
 * layers of 1000, 500, 250, 250, 250 and K logits, Gaussian noise σ = 0.3 on the input and 0.5 on the
 * hidden layers, every dense layer weight-normalized as the reference's ({@link WeightNormDense}), as is
 * the generator's output layer (with learned scales); the generator's hidden layers start at DJL's
 * defaults.
 */
final class SemiSupervisedNetworks {

    static final int[] HIDDEN = {1000, 500, 250, 250, 250};

    private SemiSupervisedNetworks() {}

    /** Returns the generator: (N, latent) → (N, C, H, W). */
    static Block generator(Shape imageShape, int hidden) {
        SequentialBlock g = new SequentialBlock();
        for (int i = 0; i < 2; i++) {
            g.add(Linear.builder().setUnits(hidden).build()).add(new BatchNorm()).add(Activation.softPlusBlock());
        }
        return g.add(new WeightNormDense(Math.toIntExact(imageShape.size()), true)).add(Activation.tanhBlock())
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(new Shape(-1).addAll(imageShape))), "image"));
    }

    /** Returns the discriminator of K classes, of hidden widths scaled by {@code width}. */
    static NoisyMlpDiscriminator discriminator(int classes, double width) {
        int[] hidden = new int[HIDDEN.length];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = Math.max(1, (int) Math.round(HIDDEN[i] * width));
        }
        return new NoisyMlpDiscriminator(hidden, classes, 0.3, 0.5);
    }
}
