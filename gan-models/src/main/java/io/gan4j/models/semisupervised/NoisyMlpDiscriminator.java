package io.gan4j.models.semisupervised;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code NoisyMlpDiscriminator} is the discriminator of Salimans et al.'s MNIST experiments: images
 * read in [0, 1] and flattened, weight-normalized dense ReLU layers (unit-norm weight vectors), a
 * weight-normalized dense layer of K class logits (learned scales), and Gaussian noise added to the
 * input and to every hidden layer's output during training.
 *
 * <p>It takes (x) for inference, or (x, n₀, …, n_L) in training, nᵢ standard normal noise of each
 * layer input's shape (drawn by the caller from the run's seeded streams, so that a resumed run draws
 * the same). It returns (logits, features), features being the last hidden layer before its noise —
 * what feature matching compares.
 */
final class NoisyMlpDiscriminator extends AbstractBlock {

    private final List<WeightNormDense> layers = new ArrayList<>();
    private final int[] widths;
    private final float inputNoise;
    private final float hiddenNoise;

    /**
     * Creates the network.
     *
     * @param hidden widths of the hidden layers
     * @param classes K
     * @param inputNoise σ of the noise on the input (pixels in [0, 1])
     * @param hiddenNoise σ of the noise on hidden outputs
     */
    NoisyMlpDiscriminator(int[] hidden, int classes, double inputNoise, double hiddenNoise) {
        widths = Arrays.copyOf(hidden, hidden.length + 1);
        widths[hidden.length] = classes;
        for (int i = 0; i <= hidden.length; i++) {
            layers.add(addChildBlock("dense" + i, new WeightNormDense(widths[i], i == hidden.length)));
        }
        this.inputNoise = (float) inputNoise;
        this.hiddenNoise = (float) hiddenNoise;
    }

    /** Returns the shapes of the noise arrays a training forward of a batch of {@code n} samples takes. */
    List<Shape> noiseShapes(long n, Shape sampleShape) {
        List<Shape> shapes = new ArrayList<>(List.of(new Shape(n, sampleShape.size())));
        for (int i = 0; i < layers.size() - 1; i++) {
            shapes.add(new Shape(n, widths[i]));
        }
        return shapes;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        boolean noisy = inputs.size() > 1;
        NDArray x = inputs.get(0);
        x = x.reshape(x.getShape().get(0), -1).add(1).div(2);
        if (noisy) {
            x = x.add(inputs.get(1).mul(inputNoise));
        }
        NDArray features = null;
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).forward(store, new NDList(x), training).singletonOrThrow();
            if (i < layers.size() - 1) {
                x = x.maximum(0f);
                features = x;
                if (noisy) {
                    x = x.add(inputs.get(i + 2).mul(hiddenNoise));
                }
            }
        }
        return new NDList(x, features);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = new Shape(inputShapes[0].get(0), inputShapes[0].size() / inputShapes[0].get(0));
        for (WeightNormDense layer : layers) {
            layer.initialize(manager, dataType, shape);
            shape = layer.getOutputShapes(new Shape[] {shape})[0];
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        return new Shape[] {new Shape(n, widths[widths.length - 1]), new Shape(n, widths[widths.length - 2])};
    }
}
