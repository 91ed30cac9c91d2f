package org.example.plugins;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.eval.FeatureNetworkFactory;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A feature network: a fixed Gaussian random projection of the flattened samples to {@code dimension}
 * features (a seeded matrix; its SHA-256 goes into every report, as a trained network's weights would).
 */
public final class RandomProjection implements FeatureNetwork {

    /** Creates the network for samples of any shape. */
    public static final FeatureNetworkFactory FACTORY = FeatureNetworkFactory.of("random-projection",
            "a seeded Gaussian random projection of the raw values (docs example)",
            List.of(OptionSpec.integer("dimension", 16, 1, 4096, "number of features"),
                    OptionSpec.integer("seed", 0, 0, Integer.MAX_VALUE, "seed of the projection matrix")),
            (options, shape) -> new RandomProjection(options, shape));

    private final Shape inputShape;
    private final int dimension;
    private final float[] matrix;

    private RandomProjection(Options options, Shape inputShape) {
        this.inputShape = inputShape;
        this.dimension = options.getInt("dimension");
        int inputs = (int) inputShape.size();
        Random random = new Random(options.getInt("seed"));
        matrix = new float[inputs * dimension];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) (random.nextGaussian() / Math.sqrt(inputs));
        }
    }

    @Override
    public String name() {
        return "random-projection";
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String weightsHash() {
        try {
            ByteBuffer bytes = ByteBuffer.allocate(4 * matrix.length);
            bytes.asFloatBuffer().put(matrix);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public NDArray features(NDArray batch) {
        NDArray flat = batch.reshape(batch.getShape().get(0), -1);
        NDArray w = batch.getManager().create(matrix, new Shape(matrix.length / dimension, dimension));
        return flat.matMul(w);
    }

    @Override
    public void close() {
        // nothing native is held between calls: the matrix becomes an array of each batch's manager
    }
}
