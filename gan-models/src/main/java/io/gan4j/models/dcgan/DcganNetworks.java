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
 * images of 1 to 4 channels, with the stride-2 stages of a {@link DcganLayout}: by default as many as
 * halve the side down to a base of 3–7 pixels: 28 (base 7, two stages), 32 and 64 (base 4, three and
 * four stages).
 *
 * <p>Generator: z → Linear → BN → ReLU → (W·2^(n−1), base, base) → n × [ConvT s2 → BN → ReLU],
 * the last to C channels with tanh instead. Discriminator: n × [Conv s2 (→ BN after the first)
 * → LeakyReLU 0.2] → Linear → 1 logit; the kernels are the layout's (4 by default). At 28×28 with
 * width 64 the default is exactly the "dcgan-mnist" reference network of BENCHMARKS.md. Weights start from N(0, 0.02) as in the DCGAN paper.
 */
public final class DcganNetworks {

    private DcganNetworks() {}

    /** Returns the generator for images of {@code sampleShape}, with the {@link DcganLayout#natural} layout. */
    public static Generator generator(Shape sampleShape, int latent, int width) {
        return generator(DcganLayout.natural(sampleShape), latent, width);
    }

    /** Returns the generator with the stages of {@code layout}. */
    public static Generator generator(DcganLayout layout, int latent, int width) {
        return Generator.of(generatorBlock(layout, width, 0), new Shape(latent), layout.sampleShape());
    }

    /**
     * Returns the generator network from a flat input vector to images: with {@code cbnClasses} &gt; 0
     * it takes (input, labels) and its batch norms are {@link ConditionalBatchNorm}s.
     */
    public static SequentialBlock generatorBlock(DcganLayout layout, int width, int cbnClasses) {
        int n = layout.stages();
        int base = (int) layout.side(n);
        int top = width << (n - 1);
        int k = layout.kernel();
        int p = layout.padding();
        UnaryOperator<Block> wrap = cbnClasses > 0 ? WithLabels::of : UnaryOperator.identity();
        Supplier<Block> norm = cbnClasses > 0 ? () -> new ConditionalBatchNorm(cbnClasses) : () -> new BatchNorm();
        SequentialBlock g = new SequentialBlock()
                .add(wrap.apply(Linear.builder().setUnits((long) top * base * base).build()))
                .add(norm.get())
                .add(wrap.apply(Activation.reluBlock()))
                .add(wrap.apply(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, top, base, base)))));
        for (int i = 1; i < n; i++) {
            g.add(wrap.apply(new TransposedConv2d(top >> i, k, 2, p, layout.outputPadding(n - i), true, false)))
                    .add(norm.get()).add(wrap.apply(Activation.reluBlock()));
        }
        Block last = new TransposedConv2d((int) layout.sampleShape().get(0), k, 2, p, layout.outputPadding(0), true, false);
        g.add(cbnClasses > 0 ? WithLabels.dropLabels(last) : last).add(Activation.tanhBlock());
        g.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        return g;
    }

    /** Returns the discriminator for images of {@code sampleShape}, with the {@link DcganLayout#natural} layout. */
    public static Discriminator discriminator(Shape sampleShape, int width) {
        return discriminator(DcganLayout.natural(sampleShape), width);
    }

    /** Returns the discriminator with the stages of {@code layout}. */
    public static Discriminator discriminator(DcganLayout layout, int width) {
        return Discriminator.of(discriminatorBlock(layout, width), layout.sampleShape());
    }

    /** Returns the discriminator's network: the {@link #discriminatorTrunk} followed by a linear output. */
    public static SequentialBlock discriminatorBlock(DcganLayout layout, int width) {
        SequentialBlock d = discriminatorTrunk(layout, width, false, true).add(Linear.builder().setUnits(1).build());
        d.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        return d;
    }

    /**
     * Returns whether a discriminator of {@code ctx} keeps its batch norms: not with spectral norm (as
     * in SNGAN), and not under a gradient penalty, which is per sample and so wrong through batch
     * statistics (WGAN-GP's critic has none; Gulrajani et al. 2017, section 4).
     */
    public static boolean criticBatchNorm(VariantContext ctx, boolean spectralNorm) {
        return !spectralNorm && ctx.penalty().isEmpty();
    }

    /**
     * Returns the discriminator's convolutional trunk, from images to flat features (the network
     * without its output layer); weights start from N(0, 0.02). With {@code spectralNorm} every
     * convolution is {@link SpectralNorm}alized; {@code batchNorm} puts a batch norm after every
     * convolution but the first (see {@link #criticBatchNorm}).
     */
    public static SequentialBlock discriminatorTrunk(DcganLayout layout, int width, boolean spectralNorm, boolean batchNorm) {
        int k = layout.kernel();
        int p = layout.padding();
        SequentialBlock d = new SequentialBlock();
        for (int i = 0; i < layout.stages(); i++) {
            Block conv = Conv2d.builder().setFilters(width << i).setKernelShape(new Shape(k, k))
                    .optStride(new Shape(2, 2)).optPadding(new Shape(p, p)).build();
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
