package io.gan4j.eval.fid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code GaussianStatistics} are the mean and covariance of a feature set, as pytorch-fid computes
 * them: float64, unbiased covariance (N − 1), {@code np.cov(x, rowvar=False)}.
 *
 * <p>They save to and load from pytorch-fid's {@code .npz} statistics format (arrays {@code mu} and
 * {@code sigma}), so reference statistics can be shared with Python tools.
 *
 * @param count number of samples they were computed from
 * @param mean the feature means, length d
 * @param covariance d × d
 */
public record GaussianStatistics(int count, double[] mean, DMatrixRMaj covariance) {

    /** Checks the dimensions. */
    public GaussianStatistics {
        Objects.requireNonNull(mean, "mean is null");
        Objects.requireNonNull(covariance, "covariance is null");
        if (covariance.numRows != mean.length || covariance.numCols != mean.length) {
            throw new IllegalArgumentException("covariance must be " + mean.length + " x " + mean.length + ", was "
                    + covariance.numRows + " x " + covariance.numCols);
        }
    }

    /** Returns the dimension d. */
    public int dimension() {
        return mean.length;
    }

    /**
     * Computes the statistics of a feature matrix ({@link FeatureMoments}: float64 products on the
     * DJL engine's BLAS, batch by batch).
     *
     * @throws IllegalArgumentException with fewer than 2 samples
     */
    public static GaussianStatistics of(FeatureMatrix x) {
        return FeatureMoments.of(x).statistics();
    }

    /** Writes pytorch-fid's statistics format: an {@code .npz} with float64 {@code mu} (d) and {@code sigma} (d, d). */
    public void save(Path file) {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            NDArray mu = m.create(mean);
            mu.setName("mu");
            NDArray sigma = m.create(covariance.data, new Shape(dimension(), dimension()));
            sigma.setName("sigma");
            byte[] bytes = new NDList(mu, sigma).encode(NDList.Encoding.NPZ);
            AtomicFiles.write(file, bytes);
        }
    }

    /**
     * Reads statistics in pytorch-fid's {@code .npz} format.
     *
     * @param count the sample count to record (the format does not store it), or 0 when unknown
     * @throws IllegalArgumentException naming the file when it is missing or not such statistics
     */
    public static GaussianStatistics load(Path file, int count) {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu()); InputStream in = Files.newInputStream(file)) {
            NDArray mu = null;
            NDArray sigma = null;
            for (NDArray a : NDList.decode(m, in)) {
                if ("mu".equals(a.getName())) {
                    mu = a;
                } else if ("sigma".equals(a.getName())) {
                    sigma = a;
                }
            }
            if (mu == null || sigma == null || mu.getShape().dimension() != 1
                    || !sigma.getShape().equals(new Shape(mu.size(), mu.size()))) {
                throw new IllegalArgumentException("not FID statistics (expected arrays mu (d) and sigma (d, d)): " + file);
            }
            int d = (int) mu.size();
            return new GaussianStatistics(count, mu.toType(DataType.FLOAT64, false).toDoubleArray(),
                    DMatrixRMaj.wrap(d, d, sigma.toType(DataType.FLOAT64, false).toDoubleArray()));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file not found: " + file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("cannot read FID statistics " + file + ": " + e.getMessage(), e);
        }
    }
}
