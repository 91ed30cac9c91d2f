package io.gan4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.function.Supplier;

/**
 * A {@code StepContext} is what one training step of a variant may use: real batches, seeded noise,
 * forward passes and optimizer updates. The trainer owns its lifecycle.
 *
 * <p>Every array created during the step lives in {@link #manager()}, which the trainer closes when
 * the step ends; a variant must not keep arrays across steps. Not thread-safe.
 */
public interface StepContext {

    /**
     * Returns the index of this step (0-based count of completed steps before it).
     *
     * @return the index of this step (0-based count of completed steps before it)
     */
    long step();

    /**
     * Returns the run's budget in steps (variants that train in phases split it).
     *
     * @return the run's budget in steps (variants that train in phases split it)
     */
    long totalSteps();

    /**
     * Returns the epoch (0-based) of the last real batch: how many full passes over the data came before it.
     *
     * @return the epoch (0-based) of the last real batch: how many full passes over the data came before it
     */
    long epoch();

    /**
     * Returns the step-scoped manager.
     *
     * @return the step-scoped manager
     */
    NDManager manager();

    /**
     * Returns the next real mini-batch: {@code [data]}, or {@code [data, labels]} for labelled data.
     * Each call advances the data cursor (an epoch ends when too few samples remain for a batch).
     *
     * @return the next real mini-batch: {@code [data]}, or {@code [data, labels]} for labelled data
     */
    NDList nextBatch();

    /**
     * Returns the batch size real batches have.
     *
     * @return the batch size real batches have
     */
    int batchSize();

    /**
     * Returns how many discriminator updates the run asks for per step.
     *
     * @return how many discriminator updates the run asks for per step
     */
    int discriminatorSteps();

    /**
     * Returns how many generator updates the run asks for per step, after the discriminator's.
     *
     * @return how many generator updates the run asks for per step, after the discriminator's
     */
    int generatorSteps();

    /**
     * Returns whether the run leaves an optimizer group's networks as they are: {@link #minimize} then only
     * computes its objective. A variant may skip such updates, and should run a frozen network as it runs
     * when sampling (inference mode).
     *
     * @param optimizerGroup a group declared by {@link GanVariant#optimizerGroups()}
     * @return whether the run leaves an optimizer group's networks as they are
     */
    boolean frozen(String optimizerGroup);

    /**
     * Returns standard-normal noise of the given shape. Fixed by the run's seed, the step and the
     * number of earlier calls in this step, so a resumed run draws exactly the same noise.
     *
     * @param shape the shape of the array
     * @return standard-normal noise of the given shape
     */
    NDArray randomNormal(Shape shape);

    /**
     * Returns U[0, 1) noise of the given shape, from the same seeded sequence as {@link #randomNormal}.
     *
     * @param shape the shape of the array
     * @return U[0, 1) noise of the given shape, from the same seeded sequence as {@link #randomNormal}
     */
    NDArray randomUniform(Shape shape);

    /**
     * Runs a block's forward pass; {@code training} must be true inside {@link #minimize}.
     *
     * @param block a network of the variant
     * @param inputs the block's inputs
     * @param training whether the pass is for training (batch statistics, gradients recorded)
     * @return the block's outputs
     */
    NDList forward(Block block, NDList inputs, boolean training);

    /**
     * Runs a single-input, single-output block's forward pass.
     *
     * @param block a network of the variant
     * @param input the block's input
     * @param training whether the pass is for training (batch statistics, gradients recorded)
     * @return the block's output
     */
    default NDArray forward(Block block, NDArray input, boolean training) {
        return forward(block, new NDList(input), training).singletonOrThrow();
    }

    /**
     * Records {@code loss}, back-propagates it, and applies one update of the named optimizer group.
     *
     * @param optimizerGroup a group declared by {@link GanVariant#optimizerGroups()}
     * @param loss computes the scalar loss; runs while gradients are recorded
     * @return the loss value
     */
    float minimize(String optimizerGroup, Supplier<NDArray> loss);
}
