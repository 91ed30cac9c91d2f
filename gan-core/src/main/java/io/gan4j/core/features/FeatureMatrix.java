package io.gan4j.core.features;

import java.util.Objects;

/**
 * A {@code FeatureMatrix} is a dense row-major matrix of features: one row per sample, one column
 * per feature, in double precision.
 *
 * @param rows number of samples
 * @param cols number of features
 * @param values rows·cols values, row-major
 */
public record FeatureMatrix(int rows, int cols, double[] values) {

    /** Checks the dimensions. */
    public FeatureMatrix {
        Objects.requireNonNull(values, "values is null");
        if (rows <= 0 || cols <= 0 || (long) rows * cols != values.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix needs " + (long) rows * cols
                    + " values, got " + values.length);
        }
    }

    /** Returns the matrix of the given float rows. */
    public static FeatureMatrix of(float[][] rows) {
        int cols = rows[0].length;
        double[] v = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has " + cols);
            }
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = rows[i][j];
            }
        }
        return new FeatureMatrix(rows.length, cols, v);
    }

    /** Returns the value at (row, col). */
    public double get(int row, int col) {
        return values[row * cols + col];
    }

    /** Returns rows [from, to) as a new matrix. */
    public FeatureMatrix slice(int from, int to) {
        double[] v = new double[(to - from) * cols];
        System.arraycopy(values, from * cols, v, 0, v.length);
        return new FeatureMatrix(to - from, cols, v);
    }

    /** Returns the given rows, in that order, as a new matrix. */
    public FeatureMatrix select(int[] rowIndices) {
        double[] v = new double[rowIndices.length * cols];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(values, rowIndices[i] * cols, v, i * cols, cols);
        }
        return new FeatureMatrix(rowIndices.length, cols, v);
    }

    /** Returns one row as floats. */
    public float[] row(int i) {
        float[] r = new float[cols];
        for (int j = 0; j < cols; j++) {
            r[j] = (float) values[i * cols + j];
        }
        return r;
    }
}
