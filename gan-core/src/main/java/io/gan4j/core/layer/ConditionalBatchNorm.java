package io.gan4j.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@code ConditionalBatchNorm} is batch normalization whose scale and shift depend on the class
 * (de Vries et al. 2017; Miyato &amp; Koyama 2018): inputs (x, labels), output (γ[y]·BN(x) + β[y],
 * labels), with per-class γ starting at 1 and β at 0. Works on (N, C) and (N, C, H, W). The labels
 * pass through, so the next label-aware layer can use them (see {@link WithLabels}).
 */
public final class ConditionalBatchNorm extends AbstractBlock {

    private final int numClasses;
    private final BatchNorm norm;
    private final Parameter gamma;
    private final Parameter beta;

    /** Creates the layer for {@code numClasses} classes. */
    public ConditionalBatchNorm(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, was " + numClasses);
        }
        this.numClasses = numClasses;
        this.norm = addChildBlock("norm", new BatchNorm(false));
        this.gamma = addParameter(Parameter.builder().setName("class_gamma").setType(Parameter.Type.GAMMA).build());
        this.beta = addParameter(Parameter.builder().setName("class_beta").setType(Parameter.Type.BETA).build());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        norm.initialize(manager, dataType, inputShapes[0]);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape perClass = new Shape(numClasses, inputShapes[0].get(1));
        gamma.setShape(perClass);
        beta.setShape(perClass);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray labels = inputs.get(1);
        NDArray normalized = norm.forward(store, new NDList(x), training).singletonOrThrow();
        NDArray oneHot = labels.oneHot(numClasses);
        NDArray scale = oneHot.matMul(store.getValue(gamma, x.getDevice(), training));
        NDArray shift = oneHot.matMul(store.getValue(beta, x.getDevice(), training));
        if (x.getShape().dimension() == 4) {
            Shape perChannel = new Shape(x.getShape().get(0), x.getShape().get(1), 1, 1);
            scale = scale.reshape(perChannel);
            shift = shift.reshape(perChannel);
        }
        return new NDList(normalized.mul(scale).add(shift), labels);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], inputShapes[1]};
    }
}
