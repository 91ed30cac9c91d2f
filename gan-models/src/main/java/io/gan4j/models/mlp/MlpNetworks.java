package io.gan4j.models.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import io.gan4j.core.layer.BatchNorm;
import io.gan4j.core.layer.ConditionalBatchNorm;
import io.gan4j.core.layer.SpectralNorm;
import io.gan4j.core.layer.WithLabels;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code MlpNetworks} builds perceptrons (two hidden layers unless told) for vector data (standardized tabular
 * features, toy mixtures). Generator: input → [Linear(h) → BN → ReLU] × 2 → Linear(F), unbounded
 * output because standardized features are. Discriminator trunk: [Linear(h) → LeakyReLU 0.2] × 2,
 * no normalization. Weights start as PyTorch's {@code nn.Linear} defaults, U(±1/√fan_in).
 */
public final class MlpNetworks {

    private MlpNetworks() {}

    /** Returns the initializer of every MLP weight: U(−1/√fan_in, 1/√fan_in). */
    public static Initializer initializer() {
        return new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1);
    }

    /** Returns {@code (F)} for vector samples, or throws naming what is supported. */
    public static long features(Shape sampleShape) {
        if (sampleShape.dimension() != 1) {
            throw new IllegalArgumentException("MLP networks need vector samples (F), got " + sampleShape);
        }
        return sampleShape.get(0);
    }

    /**
     * Returns the generator network from a flat input to vectors of {@code sampleShape}; with
     * {@code cbnClasses} &gt; 0 it takes (input, labels) and uses {@link ConditionalBatchNorm}.
     */
    public static SequentialBlock generatorBlock(Shape sampleShape, int hidden, int cbnClasses) {
        return generatorBlock(sampleShape, hidden, 2, cbnClasses);
    }

    /** Returns the generator network with {@code layers} hidden layers. */
    public static SequentialBlock generatorBlock(Shape sampleShape, int hidden, int layers, int cbnClasses) {
        return generatorBlock(sampleShape, hidden, layers, cbnClasses, true);
    }

    /**
     * Returns the generator network, with or without batch norms in its hidden layers (without:
     * Linear → ReLU, as WGAN-GP's toy generator; not with {@code cbnClasses} &gt; 0).
     */
    public static SequentialBlock generatorBlock(Shape sampleShape, int hidden, int layers, int cbnClasses, boolean batchNorm) {
        if (!batchNorm && cbnClasses > 0) {
            throw new IllegalArgumentException("a class-conditional generator needs its (conditional) batch norms");
        }
        long features = features(sampleShape);
        UnaryOperator<Block> wrap = cbnClasses > 0 ? WithLabels::of : UnaryOperator.identity();
        Supplier<Block> norm = cbnClasses > 0 ? () -> new ConditionalBatchNorm(cbnClasses) : () -> new BatchNorm();
        SequentialBlock g = new SequentialBlock();
        for (int i = 0; i < layers; i++) {
            g.add(wrap.apply(Linear.builder().setUnits(hidden).build()));
            if (batchNorm) {
                g.add(norm.get());
            }
            g.add(wrap.apply(Activation.reluBlock()));
        }
        Block out = Linear.builder().setUnits(features).build();
        g.add(cbnClasses > 0 ? WithLabels.dropLabels(out) : out);
        g.setInitializer(initializer(), Parameter.Type.WEIGHT);
        return g;
    }

    /** Returns the discriminator trunk, vectors to {@code hidden} features; spectrally normalized on request. */
    public static SequentialBlock discriminatorTrunk(int hidden, boolean spectralNorm) {
        return discriminatorTrunk(hidden, 2, spectralNorm);
    }

    /** Returns the discriminator trunk with {@code layers} hidden layers. */
    public static SequentialBlock discriminatorTrunk(int hidden, int layers, boolean spectralNorm) {
        return discriminatorTrunk(hidden, layers, spectralNorm, 1);
    }

    /**
     * Returns the discriminator trunk whose hidden units are maxout units over {@code pieces} linear
     * pieces (Goodfellow et al. 2013; PacGAN's toy discriminator uses 5), or LeakyReLU 0.2 units when
     * {@code pieces} is 1.
     */
    public static SequentialBlock discriminatorTrunk(int hidden, int layers, boolean spectralNorm, int pieces) {
        SequentialBlock d = new SequentialBlock();
        for (int i = 0; i < layers; i++) {
            Block layer = Linear.builder().setUnits((long) hidden * pieces).build();
            d.add(spectralNorm ? new SpectralNorm(layer) : layer).add(pieces > 1 ? maxout(hidden, pieces) : Activation.leakyReluBlock(0.2f));
        }
        d.setInitializer(initializer(), Parameter.Type.WEIGHT);
        return d;
    }

    /** (N, units·pieces) → (N, units): the maximum of each unit's consecutive pieces. */
    private static Block maxout(int units, int pieces) {
        return new LambdaBlock(in -> {
            NDArray x = in.singletonOrThrow();
            return new NDList(x.reshape(x.getShape().get(0), units, pieces).max(new int[] {2}));
        }, "maxout");
    }
}
