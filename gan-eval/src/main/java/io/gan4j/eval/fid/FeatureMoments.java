package io.gan4j.eval.fid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.engine.EngineSupport;
import io.gan4j.core.features.FeatureMatrix;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code FeatureMoments} accumulate the first two moments of a feature set — the count n, the mean
 * μ and the co-moment M = Σ (x − μ)(x − μ)ᵀ, in float64 — batch by batch, so features need not sit
 * in memory whole, and merge with the moments of another part of the set, so parts computed apart
 * (threads, processes, Spark partitions) combine into the statistics of the whole.
 *
 * <p>Each batch is centred on its own mean (in Java, while it is copied for the engine) and its
 * co-moment computed as one symmetric rank-k product on the engine (BLAS {@code syrk} where the
 * engine has it, see {@link EngineSupport#gram});
 * parts combine by the pairwise update of Chan, Golub &amp; LeVeque (1979):
 * <pre>
 * n = na + nb,  δ = μb − μa,  μ = μa + δ·nb/n,  M = Ma + Mb + δδᵀ·na·nb/n
 * </pre>
 * which needs no second pass and loses no precision to the "sum of squares minus square of sums"
 * cancellation. The result agrees with numpy's two-pass {@code np.cov} to rounding (within 1e-12 of
 * the largest covariance entry in {@code FeatureMomentsTest}), not bit for bit, and depends slightly on
 * how the set was split.
 *
 * <p>Instances are mutable and not thread-safe; the state is plain Java arrays, so it serializes
 * with the values of {@link #count()}, {@link #mean()} and {@link #comoment()}.
 */
public final class FeatureMoments implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows per engine batch: large enough for BLAS to run near its peak, small enough to bound native memory. */
    static final int BATCH_ROWS = 4096;

    private final int dimension;
    private long count;
    private final double[] mean;
    private final double[] comoment;

    /**
     * Creates empty moments of d-dimensional features.
     *
     * @param dimension d, at least 1
     */
    public FeatureMoments(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, was " + dimension);
        }
        if ((long) dimension * dimension > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dimension " + dimension + " is too large for a d x d co-moment in one array");
        }
        this.dimension = dimension;
        this.mean = new double[dimension];
        this.comoment = new double[dimension * dimension];
    }

    /**
     * Restores moments from their parts (as {@link #count()}, {@link #mean()} and {@link #comoment()} return them).
     *
     * @param count the number of samples, ≥ 0
     * @param mean d values
     * @param comoment d × d values, row-major, symmetric
     * @return the moments
     */
    public static FeatureMoments of(long count, double[] mean, double[] comoment) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        FeatureMoments moments = new FeatureMoments(mean.length);
        if (comoment.length != moments.comoment.length) {
            throw new IllegalArgumentException("a co-moment of dimension " + mean.length + " needs " + moments.comoment.length
                    + " values, got " + comoment.length);
        }
        moments.count = count;
        System.arraycopy(mean, 0, moments.mean, 0, mean.length);
        System.arraycopy(comoment, 0, moments.comoment, 0, comoment.length);
        return moments;
    }

    /**
     * Returns the moments of a feature matrix.
     *
     * @param features the samples, one per row
     * @return their moments
     */
    public static FeatureMoments of(FeatureMatrix features) {
        return new FeatureMoments(features.cols()).add(features);
    }

    /**
     * Adds the rows of a feature matrix.
     *
     * @param features samples with {@link #dimension()} columns
     * @return this
     */
    public FeatureMoments add(FeatureMatrix features) {
        if (features.cols() != dimension) {
            throw new IllegalArgumentException("features have " + features.cols() + " columns, the moments " + dimension);
        }
        int batchRows = Math.min(BATCH_ROWS, features.rows());
        // Centred rows go to the engine through one direct buffer: a heap array would be copied to a fresh one each time.
        DoubleBuffer centred = ByteBuffer.allocateDirect(Double.BYTES * batchRows * dimension).order(ByteOrder.nativeOrder())
                .asDoubleBuffer();
        double[] values = features.values();
        try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            for (int from = 0; from < features.rows(); from += batchRows) {
                int rows = Math.min(batchRows, features.rows() - from);
                double[] batchMean = new double[dimension];
                for (int r = from; r < from + rows; r++) {
                    for (int j = 0, k = r * dimension; j < dimension; j++, k++) {
                        batchMean[j] += values[k];
                    }
                }
                for (int j = 0; j < dimension; j++) {
                    batchMean[j] /= rows;
                }
                centred.clear();
                for (int r = from; r < from + rows; r++) {
                    for (int j = 0, k = r * dimension; j < dimension; j++, k++) {
                        centred.put(values[k] - batchMean[j]);
                    }
                }
                centred.flip();
                try (NDManager batch = manager.newSubManager()) {
                    NDArray x = batch.create(centred, new Shape(rows, dimension));
                    merge(rows, batchMean, EngineSupport.of(x).gram(x).toDoubleArray());
                }
            }
        }
        return this;
    }

    /**
     * Adds the moments of another part of the set (Chan et al.'s pairwise update).
     *
     * @param other moments of the same dimension; not modified
     * @return this
     */
    public FeatureMoments merge(FeatureMoments other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("cannot merge moments of dimension " + other.dimension + " into " + dimension);
        }
        merge(other.count, other.mean, other.comoment);
        return this;
    }

    private void merge(long otherCount, double[] otherMean, double[] otherComoment) {
        if (otherCount == 0) {
            return;
        }
        long total = count + otherCount;
        double[] delta = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            delta[i] = otherMean[i] - mean[i];
        }
        double weight = (double) count * otherCount / total;
        double share = (double) otherCount / total;
        for (int i = 0; i < dimension; i++) {
            double scaled = delta[i] * weight;
            int row = i * dimension;
            for (int j = 0; j < dimension; j++) {
                comoment[row + j] += otherComoment[row + j] + scaled * delta[j];
            }
            mean[i] += delta[i] * share;
        }
        count = total;
    }

    /**
     * Returns d.
     *
     * @return the feature dimension
     */
    public int dimension() {
        return dimension;
    }

    /**
     * Returns n.
     *
     * @return the number of samples added
     */
    public long count() {
        return count;
    }

    /**
     * Returns a copy of μ.
     *
     * @return the mean, d values
     */
    public double[] mean() {
        return mean.clone();
    }

    /**
     * Returns a copy of M = Σ (x − μ)(x − μ)ᵀ.
     *
     * @return the co-moment, d × d row-major
     */
    public double[] comoment() {
        return comoment.clone();
    }

    /**
     * Returns the mean and unbiased covariance M / (n − 1), as {@code np.cov(x, rowvar=False)} defines it.
     *
     * @return the statistics FID compares
     * @throws IllegalArgumentException with fewer than 2 samples
     */
    public GaussianStatistics statistics() {
        if (count < 2) {
            throw new IllegalArgumentException("statistics need at least 2 samples, got " + count);
        }
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("statistics record counts up to " + Integer.MAX_VALUE + ", got " + count);
        }
        double[] covariance = Arrays.copyOf(comoment, comoment.length);
        double scale = 1.0 / (count - 1);
        for (int i = 0; i < covariance.length; i++) {
            covariance[i] *= scale;
        }
        return new GaussianStatistics((int) count, mean.clone(), DMatrixRMaj.wrap(dimension, dimension, covariance));
    }
}
