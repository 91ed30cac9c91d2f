package io.gan4j.models.inpainting;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.NormalInitializer;
import io.gan4j.core.layer.BatchNorm;
import io.gan4j.core.layer.TransposedConv2d;

/**
 * The networks of the context encoder (Pathak et al. 2016, {@code train.lua} of the reference), for
 * square images of any side: 4×4 stride-2 convolutions with LeakyReLU 0.2 (batch norm after all but
 * the first) while the side exceeds 4, then one convolution over the whole remaining map to the
 * bottleneck; the decoder mirrors it with transposed convolutions (batch norm, ReLU; tanh last) from
 * 4×4 up to the hole's side rounded up to a power of two, cropped to the hole. The discriminator is the
 * encoder's trunk on the hole ending in one logit. Weights from N(0, 0.02).
 */
final class ContextEncoderNetworks {

    private ContextEncoderNetworks() {}

    /**
     * Returns the generator: (N, C, side, side) images whose hole is blanked → (N, C, hole, hole).
     *
     * @param channels image channels
     * @param side image side
     * @param hole side of the square region to fill
     * @param nef channels of the encoder's first convolution, doubling per stage
     * @param bottleneck channels of the 1×1 code
     */
    static Block generator(int channels, int side, int hole, int nef, int bottleneck) {
        SequentialBlock g = trunk(side, nef);
        g.add(conv(bottleneck, finalSide(side), 1, 0)).add(new BatchNorm()).add(Activation.leakyReluBlock(0.2f));
        int stages = 0;
        while ((4 << stages) < hole) {
            stages++;
        }
        // Decoder: 1 -> 4, then doubling up to 4·2^stages, channels halving down to the image's.
        g.add(new TransposedConv2d(stages == 0 ? channels : nef << stages, 4, 1, 0, true));
        for (int i = stages - 1; i >= 0; i--) {
            g.add(new BatchNorm()).add(Activation.reluBlock());
            g.add(new TransposedConv2d(i == 0 ? channels : nef << i, 4, 2, 1, true));
        }
        g.add(Activation.tanhBlock());
        int made = 4 << stages;
        if (made != hole) {
            int offset = (made - hole) / 2;
            g.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().get(
                    new NDIndex(":, :, {}:{}, {}:{}", offset, offset + hole, offset, offset + hole))), "crop"));
        }
        return initialized(g);
    }

    /**
     * Returns the discriminator on (N, C, hole, hole) regions → (N, 1) logits.
     *
     * @param hole side of the regions judged
     * @param ndf channels of the first convolution, doubling per stage
     */
    static Block discriminator(int hole, int ndf) {
        SequentialBlock d = trunk(hole, ndf);
        d.add(conv(1, finalSide(hole), 1, 0)).add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, 1)), "flatten"));
        return initialized(d);
    }

    /** Stride-2 stages while the side exceeds 4: conv → (BN after the first) → LeakyReLU 0.2. */
    private static SequentialBlock trunk(int side, int width) {
        SequentialBlock net = new SequentialBlock();
        int channels = width;
        for (int size = side; size > 4; size /= 2) {
            net.add(conv(channels, 4, 2, 1));
            if (size != side) {
                net.add(new BatchNorm());
            }
            net.add(Activation.leakyReluBlock(0.2f));
            channels *= 2;
        }
        return net;
    }

    private static int finalSide(int side) {
        int size = side;
        while (size > 4) {
            size /= 2;
        }
        return size;
    }

    private static Block conv(int filters, int kernel, int stride, int padding) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding)).build();
    }

    private static Block initialized(SequentialBlock block) {
        block.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        return block;
    }
}
