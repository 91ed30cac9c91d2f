package io.gan4j.data.tabular;

import io.gan4j.core.io.Json;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * A {@code TableEncoding} is how a labelled Tribuo table becomes training tensors and back: the
 * feature order, each feature's standardization (z = (x − mean) / std, fitted on the training
 * data, population std as scikit-learn's {@code StandardScaler}; a constant feature gets std 1) and
 * the class order. A run stores it as {@value #FILE} so generated vectors can be turned back into
 * examples in the original units.
 *
 * @param labelColumn name of the label column (the CSV's response)
 * @param features feature names, in tensor order
 * @param mean per-feature mean
 * @param std per-feature standard deviation, > 0
 * @param classes class names, in index order
 */
public record TableEncoding(String labelColumn, List<String> features, double[] mean, double[] std, List<String> classes) {

    /** File name of the encoding in a run directory. */
    public static final String FILE = "table-encoding.json";

    /** Checks the fields. */
    public TableEncoding {
        Objects.requireNonNull(labelColumn, "labelColumn is null");
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        if (mean.length != features.size() || std.length != features.size()) {
            throw new IllegalArgumentException("need one mean and std per feature: " + features.size() + " features, "
                    + mean.length + " means, " + std.length + " stds");
        }
        if (Arrays.stream(std).anyMatch(s -> !(s > 0))) {
            throw new IllegalArgumentException("standard deviations must be > 0");
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a labelled table needs at least 2 classes, got " + classes);
        }
    }

    /** Fits the encoding to a labelled Tribuo dataset: features and classes in sorted name order. */
    public static TableEncoding fit(Dataset<Label> data, String labelColumn) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot fit a table encoding to an empty dataset");
        }
        List<String> features = data.getFeatureIDMap().keySet().stream().sorted().toList();
        List<String> classes = new TreeSet<>(data.getOutputs().stream().map(Label::getLabel).toList()).stream().toList();
        Map<String, Integer> index = indexOf(features);
        int d = features.size();
        double[] sum = new double[d];
        double[] sumSquares = new double[d];
        for (Example<Label> e : data) {
            for (Feature f : e) {
                int j = index.get(f.getName());
                sum[j] += f.getValue();
                sumSquares[j] += f.getValue() * f.getValue();
            }
        }
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = sum[j] / data.size();
            double variance = Math.max(0, sumSquares[j] / data.size() - mean[j] * mean[j]);
            std[j] = variance > 1e-24 ? Math.sqrt(variance) : 1;
        }
        return new TableEncoding(labelColumn, features, mean, std, classes);
    }

    /** Returns the number of features. */
    public int dimension() {
        return features.size();
    }

    /** Returns the index of a class name, or throws listing the classes. */
    public int classIndex(String name) {
        int i = classes.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown class '" + name + "'; classes: " + String.join(", ", classes));
        }
        return i;
    }

    /**
     * Returns the standardized features of the examples, row after row (absent features are 0).
     *
     * @throws IllegalArgumentException when an example has a feature the encoding lacks
     */
    public float[] encode(Iterable<? extends Example<Label>> examples, int count) {
        Map<String, Integer> index = indexOf(features);
        int d = features.size();
        float[] out = new float[count * d];
        int row = 0;
        for (Example<Label> example : examples) {
            double[] raw = new double[d];
            for (Feature f : example) {
                Integer j = index.get(f.getName());
                if (j == null) {
                    throw new IllegalArgumentException("feature '" + f.getName() + "' is not among the encoding's " + d + " features");
                }
                raw[j] = f.getValue();
            }
            for (int j = 0; j < d; j++) {
                out[row * d + j] = (float) ((raw[j] - mean[j]) / std[j]);
            }
            row++;
        }
        return out;
    }

    /** Returns an example in original units from standardized values and a class index. */
    public ArrayExample<Label> decode(float[] values, int offset, int classIndex, Map<String, Object> metadata) {
        String[] names = features.toArray(String[]::new);
        double[] raw = new double[names.length];
        for (int j = 0; j < raw.length; j++) {
            raw[j] = values[offset + j] * std[j] + mean[j];
        }
        return new ArrayExample<>(new Label(classes.get(classIndex)), names, raw, metadata);
    }

    /** Writes the encoding as JSON, atomically. */
    public void write(Path file) {
        Json.write(file, this);
    }

    /** Reads an encoding written by {@link #write}. */
    public static TableEncoding read(Path file) {
        return Json.read(file, TableEncoding.class);
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return index;
    }
}
