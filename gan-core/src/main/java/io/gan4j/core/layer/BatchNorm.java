package io.gan4j.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.gan4j.core.engine.EngineSupport;
import java.nio.FloatBuffer;

/**
 * A {@code BatchNorm} is batch normalization over axis 1 of (N, C) or (N, C, H, W) inputs, with
 * DJL's {@link ai.djl.nn.norm.BatchNorm} parameters (gamma, beta, runningMean, runningVar; ε 1e-5,
 * momentum 0.9) and its training behaviour, which it calls.
 *
 * <p>It differs in inference mode, which it computes as the affine map γ·(x − μ)/√(σ² + ε) + β of
 * plain operators. MXNet's native operator in inference mode, when gradients are recorded (a frozen
 * network inside a loss, as f-AnoGAN's generator while its encoder trains), back-propagates as if
 * batch statistics had been used, so the gradient is wrong; and MXNet's batch norm updates running
 * statistics in backward passes, which a frozen network must not do. Plain operators are right on
 * every engine, and a network may run in inference mode inside a gradient collector.
 *
 * <p>{@link StandingStatistics} can replace the running statistics with the exact statistics of a
 * network's current weights.
 */
public final class BatchNorm extends AbstractBlock {

    private static final float EPSILON = 1e-5f;
    private static final float MOMENTUM = 0.9f;

    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    /** The statistics measured so far while {@link StandingStatistics} measures, else null. */
    private ChannelStatistics measured;

    /** Creates a batch norm with a learned scale and shift. */
    public BatchNorm() {
        this(true);
    }

    /**
     * Creates a batch norm.
     *
     * @param affine whether scale γ and shift β are learned; without, they stay 1 and 0
     */
    public BatchNorm(boolean affine) {
        super((byte) 1);
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).optRequiresGrad(affine).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).optRequiresGrad(affine).build());
        runningMean = addParameter(Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN)
                .optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("runningVar").setType(Parameter.Type.RUNNING_VAR)
                .optRequiresGrad(false).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        int rank = inputShapes[0].dimension();
        if (rank != 2 && rank != 4) {
            throw new IllegalArgumentException("BatchNorm takes (N, C) or (N, C, H, W) inputs, got " + inputShapes[0]);
        }
        Shape channels = new Shape(inputShapes[0].get(1));
        gamma.setShape(channels);
        beta.setShape(channels);
        runningMean.setShape(channels);
        runningVar.setShape(channels);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray g = store.getValue(gamma, x.getDevice(), training);
        NDArray b = store.getValue(beta, x.getDevice(), training);
        NDArray mean = store.getValue(runningMean, x.getDevice(), training);
        NDArray var = store.getValue(runningVar, x.getDevice(), training);
        if (training) {
            return ai.djl.nn.norm.BatchNorm.batchNorm(x, mean, var, g, b, 1, MOMENTUM, EPSILON, true);
        }
        NDManager scope = x.getManager();
        if (measured != null) {
            // Measuring: normalize with this batch's statistics, as in training, so that later layers
            // see what they saw in training; fold them into the population statistics.
            boolean image = x.getShape().dimension() == 4;
            int[] axes = image ? new int[] {0, 2, 3} : new int[] {0};
            mean = EngineSupport.mean(x, axes, false);
            var = EngineSupport.mean(x.sub(mean.reshape(image ? new Shape(1, -1, 1, 1) : new Shape(1, -1))).square(), axes, false);
            measured.add(mean.toFloatArray(), var.toFloatArray(), x.getShape().size() / x.getShape().get(1));
        }
        // Operations on parameters attach their results to the parameters' (long-lived) manager; move
        // every intermediate to the input's, so a forward pass leaves nothing behind.
        NDArray scale = in(scope, g.div(in(scope, in(scope, var.add(EPSILON)).sqrt())));
        NDArray shift = in(scope, b.sub(in(scope, mean.mul(scale))));
        if (x.getShape().dimension() == 4) {
            Shape perChannel = new Shape(1, x.getShape().get(1), 1, 1);
            scale = scale.reshape(perChannel);
            shift = shift.reshape(perChannel);
        }
        return new NDList(x.mul(scale).add(shift));
    }

    /** Starts measuring the statistics of the inputs of inference-mode passes (see {@link StandingStatistics}). */
    void startMeasuring() {
        measured = new ChannelStatistics();
    }

    /**
     * Stops measuring; with {@code apply}, makes the measured mean and (biased) variance per channel
     * the running statistics (kept as they were when nothing was measured).
     */
    void finishMeasuring(boolean apply) {
        ChannelStatistics done = measured;
        measured = null;
        if (apply && done != null && done.count > 0) {
            runningMean.getArray().set(FloatBuffer.wrap(done.mean()));
            runningVar.getArray().set(FloatBuffer.wrap(done.variance()));
        }
    }

    private static NDArray in(NDManager scope, NDArray array) {
        array.attach(scope);
        return array;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** Per-channel mean and variance over batches, combined exactly (Chan et al.'s parallel update). */
    private static final class ChannelStatistics {
        private double[] mean;
        private double[] squares;
        private long count;

        void add(float[] batchMean, float[] batchVar, long n) {
            if (mean == null) {
                mean = new double[batchMean.length];
                squares = new double[batchMean.length];
            }
            long total = count + n;
            for (int c = 0; c < mean.length; c++) {
                double delta = batchMean[c] - mean[c];
                mean[c] += delta * n / total;
                squares[c] += batchVar[c] * n + delta * delta * count * n / total;
            }
            count = total;
        }

        float[] mean() {
            float[] m = new float[mean.length];
            for (int c = 0; c < m.length; c++) {
                m[c] = (float) mean[c];
            }
            return m;
        }

        float[] variance() {
            float[] v = new float[mean.length];
            for (int c = 0; c < v.length; c++) {
                v[c] = (float) (squares[c] / count);
            }
            return v;
        }
    }
}
