package io.gan4j.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A {@code LabelConcat} conditions a network on class labels by concatenation (Mirza &amp; Osindero
 * 2014): inputs (x, labels) with int32 labels (N), output x with the label's code appended along
 * axis 1. The code is a learned embedding of {@code embeddingSize} values (N(0, 1) initialized, as
 * PyTorch's {@code nn.Embedding}), or the one-hot vector when {@code embeddingSize} is 0. For images
 * (N, C, H, W) the code is broadcast to extra channels (N, C + size, H, W).
 */
public final class LabelConcat extends AbstractBlock {

    private final int numClasses;
    private final int embeddingSize;
    private final Parameter embedding;

    /**
     * Creates the layer.
     *
     * @param numClasses number of classes K
     * @param embeddingSize size of the learned class embedding, or 0 for one-hot codes of size K
     */
    public LabelConcat(int numClasses, int embeddingSize) {
        if (numClasses < 1 || embeddingSize < 0) {
            throw new IllegalArgumentException("need numClasses >= 1 and embeddingSize >= 0, got " + numClasses + ", " + embeddingSize);
        }
        this.numClasses = numClasses;
        this.embeddingSize = embeddingSize;
        this.embedding = embeddingSize == 0 ? null : addParameter(Parameter.builder().setName("embedding")
                .setType(Parameter.Type.OTHER).optInitializer(new NormalInitializer(1f))
                .optShape(new Shape(numClasses, embeddingSize)).build());
    }

    private long codeSize() {
        return embeddingSize == 0 ? numClasses : embeddingSize;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray code = inputs.get(1).oneHot(numClasses);
        if (embedding != null) {
            code = code.matMul(store.getValue(embedding, x.getDevice(), training));
        }
        Shape shape = x.getShape();
        if (shape.dimension() == 4) {
            code = code.reshape(shape.get(0), codeSize(), 1, 1).broadcast(shape.get(0), codeSize(), shape.get(2), shape.get(3));
        }
        return new NDList(NDArrays.concat(new NDList(x, code), 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        long[] dims = x.getShape().clone();
        dims[1] += codeSize();
        return new Shape[] {new Shape(dims)};
    }
}
