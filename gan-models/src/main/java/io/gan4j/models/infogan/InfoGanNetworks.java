package io.gan4j.models.infogan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.NormalInitializer;
import io.gan4j.core.layer.BatchNorm;
import io.gan4j.core.layer.TransposedConv2d;
import java.util.List;

/**
 * The MNIST networks of the InfoGAN paper (Chen et al. 2016, appendix C.1), for images whose side is
 * divisible by 4. Generator: latent → FC 1024 → BN → ReLU → FC 128·(S/4)² → BN → ReLU → 4×4 stride-2
 * transposed convolution to 64 → BN → ReLU → to C channels → tanh. Discriminator trunk: 4×4 stride-2
 * convolution to 64 → LeakyReLU 0.1 → to 128 → BN → LeakyReLU → FC 1024 → BN → LeakyReLU; the D head
 * is FC 1, the Q head FC 128 → BN → LeakyReLU → FC (categories + continuous codes).
 *
 * <p>The latent vector is standard normal noise throughout, so any sampler draws it: the generator
 * reads its categorical code as the one-hot index of the largest of its slots, and its continuous codes
 * as they are (N(0, 1), where the paper draws U(−1, 1)).
 */
final class InfoGanNetworks {

    private InfoGanNetworks() {}

    /**
     * Returns the generator block for latent vectors (noise, categorical slots, continuous codes).
     *
     * @param sampleShape (C, S, S)
     * @param noise incompressible noise dimensions (62)
     * @param categories values of the categorical code (10)
     * @param continuous continuous codes (2)
     */
    static Block generator(Shape sampleShape, int noise, int categories, int continuous) {
        int side = (int) sampleShape.get(1);
        int base = side / 4;
        SequentialBlock g = new SequentialBlock()
                .add(new LambdaBlock(x -> new NDList(codesAsInputs(x.singletonOrThrow(), noise, categories)), "codes"))
                .add(Linear.builder().setUnits(1024).build()).add(new BatchNorm()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(128L * base * base).build()).add(new BatchNorm()).add(Activation.reluBlock())
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, 128, base, base)), "reshape"))
                .add(new TransposedConv2d(64, 4, 2, 1, true)).add(new BatchNorm()).add(Activation.reluBlock())
                .add(new TransposedConv2d((int) sampleShape.get(0), 4, 2, 1, true)).add(Activation.tanhBlock());
        g.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        return g;
    }

    /** Replaces the categorical slots of each latent vector by the one-hot vector of their largest. */
    static NDArray codesAsInputs(NDArray latent, int noise, int categories) {
        NDArray slots = latent.get(new NDIndex(":, {}:{}", noise, noise + categories));
        NDArray oneHot = slots.argMax(1).toType(DataType.INT32, false).oneHot(categories).toType(latent.getDataType(), false);
        return NDArrays.concat(new NDList(latent.get(new NDIndex(":, :{}", noise)), oneHot,
                latent.get(new NDIndex(":, {}:", noise + categories))), 1);
    }

    /**
     * Returns the discriminator: samples → (D logit (N, 1), Q outputs (N, categories + continuous)).
     *
     * @param codes categories + continuous codes
     */
    static Block discriminator(int codes) {
        SequentialBlock trunk = new SequentialBlock()
                .add(conv(64)).add(Activation.leakyReluBlock(0.1f))
                .add(conv(128)).add(new BatchNorm()).add(Activation.leakyReluBlock(0.1f))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(1024).build()).add(new BatchNorm()).add(Activation.leakyReluBlock(0.1f));
        Block d = Linear.builder().setUnits(1).build();
        Block q = new SequentialBlock().add(Linear.builder().setUnits(128).build()).add(new BatchNorm())
                .add(Activation.leakyReluBlock(0.1f)).add(Linear.builder().setUnits(codes).build());
        SequentialBlock net = trunk.add(new ParallelBlock(outputs -> new NDList(outputs.get(0).singletonOrThrow(),
                outputs.get(1).singletonOrThrow()), List.of(d, q)));
        net.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        return net;
    }

    private static Block conv(int filters) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(4, 4)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
                .build();
    }
}
