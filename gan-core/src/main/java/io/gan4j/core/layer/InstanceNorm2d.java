package io.gan4j.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.gan4j.core.engine.EngineSupport;

/**
 * An {@code InstanceNorm2d} normalizes each channel of each sample over its spatial axes
 * (Ulyanov et al. 2016), as PyTorch's {@code InstanceNorm2d} with {@code track_running_stats=False}:
 * (x − mean) / sqrt(biased variance + eps), then optionally a learned per-channel scale and shift.
 */
public final class InstanceNorm2d extends AbstractBlock {

    private static final int[] SPATIAL = {2, 3};

    private final float eps;
    private final Parameter gamma;
    private final Parameter beta;

    /**
     * Creates the layer.
     *
     * @param eps added to the variance
     * @param affine whether to learn a per-channel scale (ones) and shift (zeros); CycleGAN uses none
     */
    public InstanceNorm2d(float eps, boolean affine) {
        this.eps = eps;
        this.gamma = affine ? addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build()) : null;
        this.beta = affine ? addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build()) : null;
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        if (gamma != null) {
            Shape channels = new Shape(inputShapes[0].get(1));
            gamma.setShape(channels);
            beta.setShape(channels);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray centered = x.sub(EngineSupport.mean(x, SPATIAL, true));
        NDArray variance = EngineSupport.mean(centered.square(), SPATIAL, true);
        NDArray y = centered.div(variance.add(eps).sqrt());
        if (gamma != null) {
            long c = x.getShape().get(1);
            NDArray g = EngineSupport.scoped(store.getValue(gamma, x.getDevice(), training).reshape(1, c, 1, 1), x.getManager());
            NDArray b = EngineSupport.scoped(store.getValue(beta, x.getDevice(), training).reshape(1, c, 1, 1), x.getManager());
            y = y.mul(g).add(b);
        }
        return new NDList(y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
