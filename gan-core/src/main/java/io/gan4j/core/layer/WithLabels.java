package io.gan4j.core.layer;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code WithLabels} lets a label-unaware layer sit in a chain that carries labels: inputs
 * (x, labels), output (layer(x), labels). With {@link ConditionalBatchNorm} it builds conditional
 * networks from plain {@code SequentialBlock}s; the last element of such a chain drops the labels
 * ({@link #dropLabels}).
 */
public final class WithLabels extends AbstractBlock {

    private final Block layer;
    private final boolean keepLabels;

    private WithLabels(Block layer, boolean keepLabels) {
        this.layer = addChildBlock("layer", layer);
        this.keepLabels = keepLabels;
    }

    /** Returns {@code layer} applied to the first input, the labels passed on. */
    public static WithLabels of(Block layer) {
        return new WithLabels(layer, true);
    }

    /** Returns {@code layer} applied to the first input, the labels dropped. */
    public static WithLabels dropLabels(Block layer) {
        return new WithLabels(layer, false);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        layer.initialize(manager, dataType, inputShapes[0]);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList out = layer.forward(store, new NDList(inputs.get(0)), training);
        return keepLabels ? new NDList(out.singletonOrThrow(), inputs.get(1)) : out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape out = layer.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        return keepLabels ? new Shape[] {out, inputShapes[1]} : new Shape[] {out};
    }
}
