package io.gan4j.models.semisupervised;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.gan4j.core.engine.EngineSupport;

/**
 * A {@code WeightNormDense} is a dense layer with weight normalization as Salimans et al.'s reference
 * code has it ({@code nn.DenseLayer}): each unit's weight vector is θ/‖θ‖ times a scale, θ drawn from
 * N(0, 0.1²); the scale is 1 and fixed, or learned from 1 ({@code train_scale=True}, the output layer).
 * (N, in) → (N, units).
 */
final class WeightNormDense extends AbstractBlock {

    private final int units;
    private final Parameter theta;
    private final Parameter scale;
    private final Parameter bias;

    /**
     * Creates the layer.
     *
     * @param units outputs
     * @param trainScale learn each unit's scale; otherwise it stays 1
     */
    WeightNormDense(int units, boolean trainScale) {
        this.units = units;
        theta = addParameter(Parameter.builder().setName("theta").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.1f)).build());
        scale = trainScale ? addParameter(Parameter.builder().setName("scale").setType(Parameter.Type.GAMMA)
                .optInitializer(new ConstantInitializer(1f)).build()) : null;
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    /** Returns the number of outputs. */
    int units() {
        return units;
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        theta.setShape(new Shape(units, inputShapes[0].get(1)));
        if (scale != null) {
            scale.setShape(new Shape(units));
        }
        bias.setShape(new Shape(units));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager scope = x.getManager();
        NDArray t = store.getValue(theta, x.getDevice(), training);
        // x·(θ/‖θ‖)ᵀ computed as (x·θᵀ)/‖θ‖: the same values, and dividing the (N, units) output is far cheaper to
        // differentiate than dividing the (units, in) weights (MXNet's broadcast gradients are slow on CPU: 5x the
        // time of the whole network). Results of
        // operations on parameters belong to the parameters' manager: they are moved into the step's scope, or they leak.
        // The squares are summed by a product with ones: MXNet's gradient of sum is slow on CPU, a matrix product's is not.
        NDArray squares = EngineSupport.scoped(t.square(), scope);
        NDArray norms = Linear.linear(squares, scope.ones(new Shape(1, t.getShape().get(1))), null).singletonOrThrow().reshape(units).sqrt();
        // Norms repeated for every row by a product with ones, for the same reason.
        NDArray perRow = scope.ones(new Shape(x.getShape().get(0), 1)).matMul(norms.reshape(1, units));
        NDArray y = Linear.linear(x, t, null).singletonOrThrow().div(perRow);
        if (scale != null) {
            y = y.mul(store.getValue(scale, x.getDevice(), training));
        }
        return new NDList(y.add(store.getValue(bias, x.getDevice(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), units)};
    }
}
