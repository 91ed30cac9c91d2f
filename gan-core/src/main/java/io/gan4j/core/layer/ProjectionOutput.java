package io.gan4j.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@code ProjectionOutput} is the output layer of a projection discriminator (Miyato &amp; Koyama
 * 2018): inputs (features φ(x) of shape (N, F), labels), output the logit ψ(φ(x)) + ⟨embed(y), φ(x)⟩
 * of shape (N, 1), with ψ linear. The class embedding is a weight (initialized as the network's
 * other weights).
 */
public final class ProjectionOutput extends AbstractBlock {

    private final int numClasses;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter embedding;

    /** Creates the layer for {@code numClasses} classes. */
    public ProjectionOutput(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, was " + numClasses);
        }
        this.numClasses = numClasses;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
        this.embedding = addParameter(Parameter.builder().setName("class_embedding").setType(Parameter.Type.WEIGHT).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long features = inputShapes[0].get(1);
        weight.setShape(new Shape(features, 1));
        bias.setShape(new Shape(1));
        embedding.setShape(new Shape(numClasses, features));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.get(0);
        NDArray w = store.getValue(weight, h.getDevice(), training);
        NDArray b = store.getValue(bias, h.getDevice(), training);
        NDArray e = inputs.get(1).oneHot(numClasses).matMul(store.getValue(embedding, h.getDevice(), training));
        return new NDList(h.matMul(w).add(b).add(e.mul(h).sum(new int[] {1}, true)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }
}
