package io.gan4j.eval.anomaly;

import io.gan4j.core.data.Dataset;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * {@code PcaDetector} is the linear baseline of the anomaly protocol: principal components of the
 * normal training samples (flattened) that explain a given fraction of their variance; a sample's
 * score is its mean squared reconstruction error from those components.
 */
public final class PcaDetector {

    private final double[] mean;
    private final DMatrixRMaj components;

    private PcaDetector(double[] mean, DMatrixRMaj components) {
        this.mean = mean;
        this.components = components;
    }

    /**
     * Fits the components.
     *
     * @param normal the normal training samples
     * @param varianceFraction fraction of the total variance the kept components explain, in (0, 1]
     */
    public static PcaDetector fit(Dataset normal, double varianceFraction) {
        if (!(varianceFraction > 0 && varianceFraction <= 1)) {
            throw new IllegalArgumentException("variance fraction must be in (0, 1], was " + varianceFraction);
        }
        int n = normal.size();
        int d = Math.toIntExact(normal.sampleShape().size());
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        float[] row = new float[d];
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            normal.read(i, row, 0);
            for (int j = 0; j < d; j++) {
                x.unsafe_set(i, j, row[j]);
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.unsafe_set(i, j, x.unsafe_get(i, j) - mean[j]);
            }
        }
        DMatrixRMaj covariance = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(x, x, covariance);
        CommonOps_DDRM.scale(1.0 / Math.max(1, n - 1), covariance);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(covariance)) {
            throw new IllegalStateException("eigendecomposition of the " + d + "x" + d + " covariance failed");
        }
        Integer[] order = new Integer[d];
        double total = 0;
        for (int j = 0; j < d; j++) {
            order[j] = j;
            total += Math.max(0, eig.getEigenvalue(j).getReal());
        }
        Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).getReal(), eig.getEigenvalue(a).getReal()));
        int k = 0;
        double explained = 0;
        while (k < d && explained < varianceFraction * total) {
            explained += Math.max(0, eig.getEigenvalue(order[k]).getReal());
            k++;
        }
        DMatrixRMaj components = new DMatrixRMaj(Math.max(k, 1), d);
        for (int c = 0; c < components.numRows; c++) {
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            for (int j = 0; j < d; j++) {
                components.unsafe_set(c, j, v.get(j));
            }
        }
        return new PcaDetector(mean, components);
    }

    /** Returns the number of components kept. */
    public int components() {
        return components.numRows;
    }

    /** Returns the mean squared reconstruction error of every sample of {@code data}. */
    public double[] score(Dataset data) {
        int d = mean.length;
        if (data.sampleShape().size() != d) {
            throw new IllegalArgumentException(data.description() + " has samples of " + data.sampleShape().size()
                    + " values, the PCA was fitted on " + d);
        }
        double[] scores = new double[data.size()];
        float[] row = new float[d];
        DMatrixRMaj centered = new DMatrixRMaj(d, 1);
        DMatrixRMaj coefficients = new DMatrixRMaj(components.numRows, 1);
        DMatrixRMaj reconstruction = new DMatrixRMaj(d, 1);
        for (int i = 0; i < scores.length; i++) {
            data.read(i, row, 0);
            for (int j = 0; j < d; j++) {
                centered.data[j] = row[j] - mean[j];
            }
            CommonOps_DDRM.mult(components, centered, coefficients);
            CommonOps_DDRM.multTransA(components, coefficients, reconstruction);
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double r = centered.data[j] - reconstruction.data[j];
                sum += r * r;
            }
            scores[i] = sum / d;
        }
        return scores;
    }
}
