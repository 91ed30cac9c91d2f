package io.gan4j.eval.classifier;

import io.gan4j.core.engine.DeviceChoice;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.io.AtomicFiles;
import io.gan4j.core.config.AdamConfig;
import io.gan4j.core.train.AdamOptimizer;
import io.gan4j.core.train.Checkpoints;
import io.gan4j.core.train.Seeds;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * {@code ClassifierTraining} trains a {@link Lenet} classifier on a labelled image dataset with Adam
 * (lr 1e-3) and softmax cross-entropy, seeded end to end, and reports test accuracy. It makes the
 * weights behind the {@code lenet-*} feature networks.
 */
public final class ClassifierTraining {

    private ClassifierTraining() {}

    /**
     * The outcome of a training run.
     *
     * @param testAccuracy fraction of the test set classified correctly
     * @param steps optimizer steps taken
     */
    public record Result(double testAccuracy, long steps) {}

    /**
     * Trains and writes the weights ({@code .npz}, keys {@code features/...} and {@code head/...}).
     *
     * @param train labelled training images
     * @param test labelled test images
     * @param epochs passes over the training data
     * @param batchSize samples per step
     * @param seed fixes initialization, order and dropout
     * @param out the weights file
     * @param onEpoch called with each finished epoch
     * @return the test accuracy
     */
    public static Result train(Dataset train, Dataset test, int epochs, int batchSize, long seed, Path out, IntConsumer onEpoch) {
        if (train.numClasses() == 0 || test.numClasses() == 0) {
            throw new IllegalArgumentException("classifier training needs labelled data: give idx:IMAGES,LABELS");
        }
        int classes = Math.max(train.numClasses(), test.numClasses());
        SequentialBlock trunk = Lenet.features();
        SequentialBlock head = Lenet.head(classes);
        Shape sample = train.sampleShape();
        try (NDManager manager = DeviceChoice.newBaseManager()) {
            Engine.getInstance().setRandomSeed(Seeds.engineSeed(seed, Seeds.INIT));
            trunk.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(sample));
            head.initialize(manager, DataType.FLOAT32, new Shape(1, Lenet.FEATURES));
            Map<String, Parameter> params = new LinkedHashMap<>();
            trunk.getParameters().forEach(p -> params.put("features/" + p.getKey(), p.getValue()));
            head.getParameters().forEach(p -> params.put("head/" + p.getKey(), p.getValue()));
            AdamOptimizer adam = new AdamOptimizer("classifier", params, new AdamConfig(1e-3, 0.9, 0.999, 1e-8), manager);
            ParameterStore store = new ParameterStore(manager, false);
            Loss loss = Loss.softmaxCrossEntropyLoss();
            int sampleSize = Math.toIntExact(sample.size());
            float[] buffer = new float[batchSize * sampleSize];
            long step = 0;
            for (int epoch = 0; epoch < epochs; epoch++) {
                int[] order = Seeds.permutation(train.size(), Seeds.mix(seed, Seeds.DATA, epoch));
                for (int start = 0; start + batchSize <= order.length; start += batchSize) {
                    Engine.getInstance().setRandomSeed(Seeds.engineSeed(seed, Seeds.ENGINE, step++));
                    try (NDManager scope = manager.newSubManager()) {
                        int[] labels = new int[batchSize];
                        for (int i = 0; i < batchSize; i++) {
                            train.read(order[start + i], buffer, i * sampleSize);
                            labels[i] = train.label(order[start + i]);
                        }
                        NDArray x = scope.create(buffer, new Shape(batchSize).addAll(sample));
                        NDArray y = scope.create(labels);
                        try (GradientCollector gc = scope.getEngine().newGradientCollector()) {
                            NDArray logits = head.forward(store, trunk.forward(store, new NDList(x), true), true).head();
                            gc.backward(loss.evaluate(new NDList(y), new NDList(logits)));
                        }
                        adam.step();
                    }
                }
                onEpoch.accept(epoch + 1);
            }
            double accuracy = accuracy(trunk, head, store, test, manager);
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            params.forEach((k, p) -> arrays.put(k, p.getArray()));
            arrays.put(LenetWeights.CLASSES, manager.create(new int[] {classes}));
            AtomicFiles.write(out, Checkpoints.encodeNpz(arrays, manager));
            return new Result(accuracy, step);
        }
    }

    /** Returns the fraction of {@code data} that trunk + head classify correctly. */
    static double accuracy(SequentialBlock trunk, SequentialBlock head, ParameterStore store, Dataset data, NDManager manager) {
        int sampleSize = Math.toIntExact(data.sampleShape().size());
        int chunk = 500;
        float[] buffer = new float[chunk * sampleSize];
        int correct = 0;
        for (int start = 0; start < data.size(); start += chunk) {
            int n = Math.min(chunk, data.size() - start);
            try (NDManager scope = manager.newSubManager()) {
                for (int i = 0; i < n; i++) {
                    data.read(start + i, buffer, i * sampleSize);
                }
                NDArray x = scope.create(java.util.Arrays.copyOf(buffer, n * sampleSize), new Shape(n).addAll(data.sampleShape()));
                long[] predicted = head.forward(store, trunk.forward(store, new NDList(x), false), false).head()
                        .argMax(1).toType(DataType.INT64, false).toLongArray();
                for (int i = 0; i < n; i++) {
                    if (predicted[i] == data.label(start + i)) {
                        correct++;
                    }
                }
            }
        }
        return correct / (double) data.size();
    }
}
