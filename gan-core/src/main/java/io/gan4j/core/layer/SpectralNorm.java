package io.gan4j.core.layer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.gan4j.core.engine.EngineSupport;

/**
 * {@code SpectralNorm} wraps a layer with a {@code weight} parameter whose first axis is the output
 * (DJL's {@code Conv2d}, {@code Linear}) and runs it with W / σ(W), σ the largest singular value of W
 * reshaped to (out, −1), estimated by power iteration (Miyato et al. 2018): one iteration per
 * training forward pass, u persisted as a non-trainable parameter (so checkpoints keep it), and
 * gradients flowing through σ but not through u and v, as in PyTorch's {@code spectral_norm}.
 *
 * <p>Not for MXNet's transposed convolution: its backward crashes with a computed weight (see
 * DJL-NOTES.md), and discriminators do not need it.
 */
public final class SpectralNorm extends AbstractBlock {

    private static final float EPS = 1e-12f;

    private final Block layer;
    private final Parameter u;

    /** Wraps {@code layer}, which must have a parameter named {@code weight}. */
    public SpectralNorm(Block layer) {
        this.layer = addChildBlock("layer", layer);
        if (!layer.getParameters().contains("weight")) {
            throw new IllegalArgumentException("spectral norm needs a layer with a 'weight' parameter, got " + layer);
        }
        this.u = addParameter(Parameter.builder().setName("sn_u").setType(Parameter.Type.OTHER)
                .optRequiresGrad(false).optInitializer(new NormalInitializer(1f)).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        u.setShape(new Shape(layer.getOutputShapes(inputShapes)[0].get(1)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        layer.initialize(manager, dataType, inputShapes);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDManager scope = inputs.head().getManager();
        Parameter weightParameter = layer.getParameters().get("weight");
        NDArray weight = store.getValue(weightParameter, inputs.head().getDevice(), training);
        long out = weight.getShape().get(0);
        NDArray matrix = EngineSupport.scoped(weight.reshape(out, -1), scope);
        NDArray fixed = matrix.stopGradient();
        NDArray current = u.getArray();
        NDArray v = normalize(fixed.transpose().dot(current));
        NDArray left = normalize(fixed.dot(v));
        if (training) {
            left.copyTo(current);
        }
        NDArray sigma = left.dot(matrix.dot(v));
        NDArray normalized = EngineSupport.scoped(weight.div(sigma), scope);
        ParameterStore substituted = new ParameterStore() {
            @Override
            public NDArray getValue(Parameter parameter, Device device, boolean train) {
                return parameter == weightParameter ? normalized : store.getValue(parameter, device, train);
            }
        };
        return layer.forward(substituted, inputs, training);
    }

    private static NDArray normalize(NDArray vector) {
        return vector.div(vector.norm().add(EPS));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return layer.getOutputShapes(inputShapes);
    }
}
