package io.gan4j.models.translation;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.NormalInitializer;
import io.gan4j.core.layer.InstanceNorm2d;
import io.gan4j.core.layer.ReflectionPad2d;
import io.gan4j.core.layer.TransposedConv2d;
import java.util.List;

/**
 * The networks of the official CycleGAN and pix2pix (Zhu et al. 2017, Isola et al. 2017, {@code
 * networks.py} of pytorch-CycleGAN-and-pix2pix): ResNet and U-Net generators and the PatchGAN
 * discriminator, with instance normalization without affine parameters, convolutions with bias (as
 * the reference uses with instance norm), and weights drawn from N(0, 0.02).
 */
public final class TranslationNetworks {

    private static final float INSTANCE_NORM_EPS = 1e-5f;

    private TranslationNetworks() {}

    /**
     * Returns the ResNet generator: reflection pad 3, 7×7 convolution, {@code downsamplings} stride-2
     * 3×3 convolutions doubling the channels, {@code blocks} residual blocks (reflection pad 1, 3×3
     * convolution, norm, ReLU, again without ReLU, plus the input), as many transposed convolutions
     * (3×3, stride 2, output padding 1) halving them, reflection pad 3, 7×7 convolution, tanh.
     *
     * @param outChannels channels of the images made
     * @param ngf channels after the stem
     * @param blocks residual blocks (9 for 256 px, 6 for 128 px)
     * @param downsamplings stride-2 stages (2 in the reference)
     */
    public static Block resnetGenerator(int outChannels, int ngf, int blocks, int downsamplings) {
        SequentialBlock g = new SequentialBlock()
                .add(new ReflectionPad2d(3)).add(conv(ngf, 7, 1, 0)).add(norm()).add(Activation.reluBlock());
        for (int i = 0; i < downsamplings; i++) {
            g.add(conv(ngf << (i + 1), 3, 2, 1)).add(norm()).add(Activation.reluBlock());
        }
        int channels = ngf << downsamplings;
        for (int i = 0; i < blocks; i++) {
            g.add(residualBlock(channels));
        }
        for (int i = downsamplings; i > 0; i--) {
            g.add(new TransposedConv2d(ngf << (i - 1), 3, 2, 1, 1, true, true)).add(norm()).add(Activation.reluBlock());
        }
        g.add(new ReflectionPad2d(3)).add(conv(outChannels, 7, 1, 0)).add(Activation.tanhBlock());
        return initialized(g);
    }

    private static Block residualBlock(int channels) {
        SequentialBlock body = new SequentialBlock()
                .add(new ReflectionPad2d(1)).add(conv(channels, 3, 1, 0)).add(norm()).add(Activation.reluBlock())
                .add(new ReflectionPad2d(1)).add(conv(channels, 3, 1, 0)).add(norm());
        return new ParallelBlock(outputs -> new NDList(outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
                List.of(Blocks.identityBlock(), body));
    }

    /**
     * Returns the U-Net generator: {@code downs} stride-2 4×4 convolutions (LeakyReLU 0.2 before each
     * but the first, instance norm after each but the first and the innermost), channels ngf, 2·ngf,
     * 4·ngf, then 8·ngf; mirrored by transposed convolutions (ReLU before, norm after, tanh at the
     * top), each level's input concatenated to its output. With {@code dropout}, the decoder levels
     * between the innermost and the four outer ones drop half their activations in training, as
     * pix2pix's (three of them for 256 px; none below 64 px); CycleGAN uses none. Sides must be
     * divisible by 2^downs.
     *
     * @param outChannels channels of the images made
     * @param ngf channels of the outermost level
     * @param downs levels (8 for 256 px in the reference's unet_256)
     * @param dropout whether to use pix2pix's dropout
     */
    public static Block unetGenerator(int outChannels, int ngf, int downs, boolean dropout) {
        Block inner = null;
        for (int level = downs - 1; level >= 1; level--) {
            int outer = ngf * Math.min(1 << (level - 1), 8);
            int innerChannels = ngf * Math.min(1 << level, 8);
            SequentialBlock path = new SequentialBlock().add(Activation.leakyReluBlock(0.2f)).add(conv(innerChannels, 4, 2, 1));
            if (inner == null) {
                path.add(Activation.reluBlock());
            } else {
                path.add(norm()).add(inner).add(Activation.reluBlock());
            }
            path.add(new TransposedConv2d(outer, 4, 2, 1, 0, true, true)).add(norm());
            if (dropout && inner != null && level >= 4) {
                path.add(Dropout.builder().optRate(0.5f).build());
            }
            inner = new ParallelBlock(outputs -> new NDList(NDArrays.concat(new NDList(
                    outputs.get(0).singletonOrThrow(), outputs.get(1).singletonOrThrow()), 1)), List.of(Blocks.identityBlock(), path));
        }
        SequentialBlock g = new SequentialBlock().add(conv(ngf, 4, 2, 1));
        if (inner != null) {
            g.add(inner);
        }
        g.add(Activation.reluBlock()).add(new TransposedConv2d(outChannels, 4, 2, 1, 0, true, true)).add(Activation.tanhBlock());
        return initialized(g);
    }

    /**
     * Returns the levels a U-Net needs to bring a side down to one pixel: ⌈log₂ side⌉, at most 8
     * (the reference's unet_256 has 8).
     *
     * @param side the image side
     */
    public static int unetLevels(int side) {
        return Math.min(8, 32 - Integer.numberOfLeadingZeros(side - 1));
    }

    /**
     * Returns {@code net} applied to images padded by reflection to the next multiple of 2^downs and
     * cropped back after, so a U-Net with {@code downs} levels takes any side (e.g. 28 px as 32 px).
     *
     * @param net maps (N, C, P, P) to (N, C', P, P) for P a multiple of 2^downs
     * @param side the side of the images
     * @param downs the levels of {@code net}
     */
    public static Block paddedToMultiple(Block net, int side, int downs) {
        int unit = 1 << downs;
        int padded = (side + unit - 1) / unit * unit;
        if (padded == side) {
            return net;
        }
        int before = (padded - side + 1) / 2;
        if (before >= side) {
            throw new IllegalArgumentException("a " + side + "-px image cannot be padded by reflection to " + padded + " px; use fewer levels");
        }
        return new SequentialBlock().add(new ReflectionPad2d(before))
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().get(new NDIndex(":, :, :{}, :{}", padded, padded))), "crop-in"))
                .add(net)
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().get(
                        new NDIndex(":, :, {}:{}, {}:{}", before, before + side, before, before + side))), "crop-out"));
    }

    /**
     * Returns the PatchGAN discriminator with {@code layers} stride-2 stages (3 gives the reference's
     * 70×70 patches, 2 gives 34×34, 1 gives 16×16): 4×4 convolutions with LeakyReLU 0.2, channels
     * ndf·min(2^n, 8), instance norm after all but the first, then a stride-1 stage and a stride-1
     * convolution to one logit per patch.
     *
     * @param ndf channels of the first convolution
     * @param layers stride-2 stages
     */
    public static Block patchDiscriminator(int ndf, int layers) {
        SequentialBlock d = new SequentialBlock().add(conv(ndf, 4, 2, 1)).add(Activation.leakyReluBlock(0.2f));
        for (int n = 1; n < layers; n++) {
            d.add(conv(ndf * Math.min(1 << n, 8), 4, 2, 1)).add(norm()).add(Activation.leakyReluBlock(0.2f));
        }
        d.add(conv(ndf * Math.min(1 << layers, 8), 4, 1, 1)).add(norm()).add(Activation.leakyReluBlock(0.2f));
        d.add(conv(1, 4, 1, 1));
        return initialized(d);
    }

    /** Returns the side of the patch one output logit of {@link #patchDiscriminator} sees. */
    public static int receptiveField(int layers) {
        // Back from one output: two stride-1 4x4 convolutions see 7 pixels, each stride-2 one widens that.
        int field = 7;
        for (int i = 0; i < layers; i++) {
            field = (field - 1) * 2 + 4;
        }
        return field;
    }

    private static Block conv(int filters, int kernel, int stride, int padding) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding)).optBias(true).build();
    }

    private static Block norm() {
        return new InstanceNorm2d(INSTANCE_NORM_EPS, false);
    }

    private static Block initialized(SequentialBlock block) {
        block.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        return block;
    }
}
