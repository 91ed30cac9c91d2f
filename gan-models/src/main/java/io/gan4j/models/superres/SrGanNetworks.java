package io.gan4j.models.superres;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.core.Prelu;
import ai.djl.training.initializer.ConstantInitializer;
import io.gan4j.core.layer.BatchNorm;
import io.gan4j.core.layer.PixelShuffle;
import java.util.List;

/**
 * The networks of SRGAN (Ledig et al. 2017, Figure 4). The generator (SRResNet): a 9×9 convolution
 * and PReLU; B residual blocks (3×3 convolution, batch norm, PReLU, 3×3 convolution, batch norm, plus
 * the block's input); a 3×3 convolution and batch norm added to the first layer's output; per factor 2
 * a 3×3 convolution to 4× the channels, a sub-pixel shuffle and PReLU; a 9×9 convolution to the
 * image's channels. The discriminator: eight 3×3 convolutions of 1, 1, 2, 2, 4, 4, 8, 8 × ndf channels,
 * stride 2 at every second one, batch norm after all but the first, LeakyReLU 0.2; a dense layer of
 * 1024, LeakyReLU, one logit. PReLU slopes start at 0.25 (PyTorch's default), other weights at DJL's
 * defaults.
 */
final class SrGanNetworks {

    private SrGanNetworks() {}

    /**
     * Returns the generator: (N, C, h, w) → (N, C, r·h, r·w).
     *
     * @param channels image channels
     * @param factor r, a power of 2
     * @param blocks residual blocks, B
     * @param ngf channels throughout
     */
    static Block generator(int channels, int factor, int blocks, int ngf) {
        SequentialBlock trunk = new SequentialBlock();
        for (int i = 0; i < blocks; i++) {
            trunk.add(residual(new SequentialBlock()
                    .add(conv(ngf, 3, 1)).add(new BatchNorm()).add(prelu())
                    .add(conv(ngf, 3, 1)).add(new BatchNorm())));
        }
        trunk.add(conv(ngf, 3, 1)).add(new BatchNorm());
        SequentialBlock g = new SequentialBlock().add(conv(ngf, 9, 1)).add(prelu()).add(residual(trunk));
        for (int r = factor; r > 1; r /= 2) {
            g.add(conv(4 * ngf, 3, 1)).add(new PixelShuffle(2)).add(prelu());
        }
        return g.add(conv(channels, 9, 1));
    }

    /**
     * Returns the discriminator: (N, C, H, W) → (N, 1) logits.
     *
     * @param ndf channels of the first convolutions
     */
    static Block discriminator(int ndf) {
        SequentialBlock d = new SequentialBlock();
        int[] widths = {1, 1, 2, 2, 4, 4, 8, 8};
        for (int i = 0; i < widths.length; i++) {
            d.add(conv(ndf * widths[i], 3, i % 2 == 0 ? 1 : 2));
            if (i > 0) {
                d.add(new BatchNorm());
            }
            d.add(Activation.leakyReluBlock(0.2f));
        }
        return d.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(1024).build()).add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(1).build());
    }

    /** Returns {@code body(x) + x}. */
    private static Block residual(Block body) {
        return new ParallelBlock(outputs -> new NDList(outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
                List.of(body, Blocks.identityBlock()));
    }

    private static Block conv(int filters, int kernel, int stride) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2)).build();
    }

    private static Block prelu() {
        Prelu prelu = new Prelu();
        prelu.setInitializer(new ConstantInitializer(0.25f), Parameter.Type.WEIGHT);
        return prelu;
    }
}
