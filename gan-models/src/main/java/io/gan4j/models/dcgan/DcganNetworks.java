package io.gan4j.models.dcgan;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.NormalInitializer;
import io.gan4j.core.layer.BatchNorm;
import io.gan4j.core.layer.ConditionalBatchNorm;
import io.gan4j.core.layer.SpectralNorm;
import io.gan4j.core.layer.TransposedConv2d;
import io.gan4j.core.layer.WithLabels;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.VariantContext;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code DcganNetworks} builds DCGAN generators and discriminators (Radford et al. 2016) for square
 * images whose side halves down to a base of 3–7 pixels: 28 (base 7, two stages), 32 and 64 (base
 * 4, three and four stages), 1 to 4 channels.
 *
 * <p>Generator: z → Linear → BN → ReLU → (W·2^(n−1), base, base) → n × [ConvT k4 s2 p1 → BN → ReLU],
 * the last to C channels with tanh instead. Discriminator: n × [Conv k4 s2 p1 (→ BN after the first)
 * → LeakyReLU 0.2] → Linear → 1 logit. At 28×28 with width 64 this is exactly the "dcgan-mnist"
 * reference network of BENCHMARKS.md. Weights start from N(0, 0.02) as in the DCGAN paper.
 */
public final class DcganNetworks {

    private DcganNetworks() {}

    /** Returns the number of stride-2 stages for an image side, or throws naming what is supported. */
    static int stages(Shape sampleShape) {
        if (sampleShape.dimension() != 3 || sampleShape.get(1) != sampleShape.get(2)
                || sampleShape.get(0) < 1 || sampleShape.get(0) > 4) {
            throw new IllegalArgumentException("dcgan needs square images (C, S, S) with 1 to 4 channels, got " + sampleShape);
        }
        long side = sampleShape.get(1);
        int n = 0;
        while (side > 7 && side % 2 == 0) {
            side /= 2;
            n++;
        }
        if (n == 0 || side < 3 || side > 7) {
            throw new IllegalArgumentException("dcgan needs an image side of base·2^n with base 3..7 (e.g. 28, 32, 64), got "
                    + sampleShape.get(1));
        }
        return n;
    }

    /** Returns the generator for images of {@code sampleShape}. */
    public static Generator generator(Shape sampleShape, int latent, int width) {
        return Generator.of(generatorBlock(sampleShape, width, 0), new Shape(latent), sampleShape);
    }

    /**
     * Returns the generator network from a flat input vector to images: with {@code cbnClasses} &gt; 0
     * it takes (input, labels) and its batch norms are {@link ConditionalBatchNorm}s.
     */
    public static SequentialBlock generatorBlock(Shape sampleShape, int width, int cbnClasses) {
        int n = stages(sampleShape);
        int base = (int) (sampleShape.get(1) >> n);
        int top = width << (n - 1);
        UnaryOperator<Block> wrap = cbnClasses > 0 ? WithLabels::of : UnaryOperator.identity();
        Supplier<Block> norm = cbnClasses > 0 ? () -> new ConditionalBatchNorm(cbnClasses) : () -> new BatchNorm();
        SequentialBlock g = new SequentialBlock()
                .add(wrap.apply(Linear.builder().setUnits((long) top * base * base).build()))
                .add(norm.get())
                .add(wrap.apply(Activation.reluBlock()))
                .add(wrap.apply(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, top, base, base)))));
        for (int i = 1; i < n; i++) {
            g.add(wrap.apply(new TransposedConv2d(top >> i, 4, 2, 1, true))).add(norm.get()).add(wrap.apply(Activation.reluBlock()));
        }
        Block last = new TransposedConv2d((int) sampleShape.get(0), 4, 2, 1, true);
        g.add(cbnClasses > 0 ? WithLabels.dropLabels(last) : last).add(Activation.tanhBlock());
        g.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        return g;
    }

    /** Returns the discriminator for images of {@code sampleShape}. */
    public static Discriminator discriminator(Shape sampleShape, int width) {
        return Discriminator.of(discriminatorBlock(sampleShape, width), sampleShape);
    }

    /** Returns the discriminator's network: the {@link #discriminatorTrunk} followed by a linear output. */
    public static SequentialBlock discriminatorBlock(Shape sampleShape, int width) {
        SequentialBlock d = discriminatorTrunk(sampleShape, width, false).add(Linear.builder().setUnits(1).build());
        d.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        return d;
    }

    /**
     * Returns the discriminator's convolutional trunk, from images to flat features (the network
     * without its output layer); weights start from N(0, 0.02). With {@code spectralNorm} every
     * convolution is {@link SpectralNorm}alized and the batch norms are left out, as in SNGAN.
     */
    public static SequentialBlock discriminatorTrunk(Shape sampleShape, int width, boolean spectralNorm) {
        return discriminatorTrunk(sampleShape, width, spectralNorm, !spectralNorm);
    }

    /**
     * Returns whether a discriminator of {@code ctx} keeps its batch norms: not with spectral norm (as
     * in SNGAN), and not under a gradient penalty, which is per sample and so wrong through batch
     * statistics (WGAN-GP's critic has none; Gulrajani et al. 2017, section 4).
     */
    public static boolean criticBatchNorm(VariantContext ctx, boolean spectralNorm) {
        return !spectralNorm && ctx.penalty().isEmpty();
    }

    /** Returns the trunk with or without batch norms (see {@link #criticBatchNorm}). */
    public static SequentialBlock discriminatorTrunk(Shape sampleShape, int width, boolean spectralNorm, boolean batchNorm) {
        int n = stages(sampleShape);
        SequentialBlock d = new SequentialBlock();
        for (int i = 0; i < n; i++) {
            Block conv = Conv2d.builder().setFilters(width << i).setKernelShape(new Shape(4, 4))
                    .optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).build();
            d.add(spectralNorm ? new SpectralNorm(conv) : conv);
            if (i > 0 && batchNorm) {
                d.add(new BatchNorm());
            }
            d.add(Activation.leakyReluBlock(0.2f));
        }
        d.add(Blocks.batchFlattenBlock());
        d.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        return d;
    }
}
