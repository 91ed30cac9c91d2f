package io.gan4j.core.train;

import io.gan4j.core.config.TrainingConfig;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.engine.EngineSupport;
import io.gan4j.core.model.StepContext;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/** The trainer's {@link StepContext}: one per step, over a step-scoped manager. */
final class StepScope implements StepContext {

    private final long step;
    private final NDManager manager;
    private final ParameterStore parameterStore;
    private final TrainingConfig config;
    private final Dataset data;
    private final DataCursor cursor;
    private final Map<String, AdamOptimizer> optimizers;
    private final Collection<Parameter> allTrainable;
    private final EngineSupport engine;
    private final float[] batchBuffer;
    private final DivergenceGuard divergence;
    private int noiseDraws;

    StepScope(long step, NDManager manager, ParameterStore parameterStore, TrainingConfig config, Dataset data,
            DataCursor cursor, Map<String, AdamOptimizer> optimizers, Collection<Parameter> allTrainable,
            EngineSupport engine, float[] batchBuffer, DivergenceGuard divergence) {
        this.step = step;
        this.manager = manager;
        this.parameterStore = parameterStore;
        this.config = config;
        this.data = data;
        this.cursor = cursor;
        this.optimizers = optimizers;
        this.allTrainable = allTrainable;
        this.engine = engine;
        this.batchBuffer = batchBuffer;
        this.divergence = divergence;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public long totalSteps() {
        return config.steps();
    }

    @Override
    public long epoch() {
        return cursor.epoch();
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public NDList nextBatch() {
        int[] indices = cursor.next(config.batchSize());
        int sampleSize = Math.toIntExact(data.sampleShape().size());
        for (int i = 0; i < indices.length; i++) {
            data.read(indices[i], batchBuffer, i * sampleSize);
        }
        NDArray x = manager.create(batchBuffer, new Shape(indices.length).addAll(data.sampleShape()));
        if (data.numClasses() == 0) {
            return new NDList(x);
        }
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = data.label(indices[i]);
        }
        return new NDList(x, manager.create(labels));
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    @Override
    public int discriminatorSteps() {
        return config.discriminatorSteps();
    }

    @Override
    public int generatorSteps() {
        return config.generatorSteps();
    }

    @Override
    public boolean frozen(String optimizerGroup) {
        return config.frozen().contains(optimizerGroup);
    }

    @Override
    public NDArray randomNormal(Shape shape) {
        return Noise.normal(manager, shape, Seeds.mix(config.seed(), Seeds.NOISE, step, noiseDraws++));
    }

    @Override
    public NDArray randomUniform(Shape shape) {
        return Noise.uniform(manager, shape, Seeds.mix(config.seed(), Seeds.NOISE, step, noiseDraws++));
    }

    @Override
    public NDList forward(Block block, NDList inputs, boolean training) {
        return block.forward(parameterStore, inputs, training);
    }

    @Override
    public float minimize(String optimizerGroup, Supplier<NDArray> loss) {
        AdamOptimizer optimizer = optimizers.get(optimizerGroup);
        if (optimizer == null) {
            throw new IllegalArgumentException("no optimizer group '" + optimizerGroup + "'; groups: " + optimizers.keySet());
        }
        boolean frozen = frozen(optimizerGroup);
        NDArray value;
        // A frozen group's objective is still computed under the collector: MXNet runs batch norm in training mode only there.
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            value = loss.get();
            if (!frozen) {
                if (engine.accumulatesGradients()) {
                    zeroGradients();
                }
                collector.backward(value);
            }
        }
        float result = value.getFloat();
        divergence.check(optimizerGroup, step, result);
        if (!frozen) {
            optimizer.step(config.learningRateScale(step));
        }
        return result;
    }

    private void zeroGradients() {
        for (Parameter p : allTrainable) {
            try (NDArray grad = p.getArray().getGradient()) {
                grad.subi(grad);
            }
        }
    }
}
