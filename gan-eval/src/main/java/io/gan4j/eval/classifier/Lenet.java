package io.gan4j.eval.classifier;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * {@code Lenet} builds the project's small MNIST-style classifier, LeNet-5 widened as in the
 * PyTorch MNIST example: conv 5×5 (32) → ReLU → max-pool 2 → conv 5×5 (64) → ReLU → max-pool 2 →
 * flatten → linear 128 → ReLU → [features] → dropout 0.5 → linear → class logits.
 *
 * <p>{@link #features()} is the trunk up to the 128-d penultimate activations used as metric
 * features; {@link #head(int)} maps them to logits.
 */
public final class Lenet {

    /** Dimension of the penultimate features. */
    public static final int FEATURES = 128;

    private Lenet() {}

    /** Returns the trunk: images (N, 1, 28, 28) → features (N, 128). */
    public static SequentialBlock features() {
        return new SequentialBlock()
                .add(Conv2d.builder().setFilters(32).setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2)).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Conv2d.builder().setFilters(64).setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2)).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(FEATURES).build())
                .add(Activation.reluBlock());
    }

    /** Returns the classifier head: features → logits over {@code classes}. */
    public static SequentialBlock head(int classes) {
        return new SequentialBlock().add(Dropout.builder().optRate(0.5f).build()).add(Linear.builder().setUnits(classes).build());
    }
}
