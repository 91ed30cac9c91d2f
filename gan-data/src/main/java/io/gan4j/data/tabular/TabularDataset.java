package io.gan4j.data.tabular;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * A {@code TabularDataset} is a labelled Tribuo table as training data: each example becomes its
 * standardized feature vector (F) under a {@link TableEncoding}, its label a class index.
 */
public final class TabularDataset implements Dataset {

    private final String description;
    private final TableEncoding encoding;
    private final org.tribuo.Dataset<Label> table;
    private final float[] values;
    private final int[] labels;

    /**
     * Encodes {@code data}.
     *
     * @param data labelled examples
     * @param encoding the encoding, usually fitted on {@code data}
     * @param description where the data came from
     */
    public TabularDataset(org.tribuo.Dataset<Label> data, TableEncoding encoding, String description) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(description + " has no rows");
        }
        this.description = description;
        this.encoding = encoding;
        this.table = data;
        this.values = encoding.encode(data, data.size());
        List<Example<Label>> examples = data.getData();
        this.labels = new int[examples.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = encoding.classIndex(examples.get(i).getOutput().getLabel());
        }
    }

    /** Returns the encoding that maps rows to vectors and back. */
    public TableEncoding encoding() {
        return encoding;
    }

    /** Keeps the column encoding with the run, so generated vectors can be turned back into rows in original units. */
    @Override
    public void writeRunFiles(java.nio.file.Path runDirectory) {
        encoding.write(runDirectory.resolve(TableEncoding.FILE));
    }

    /** Returns the Tribuo examples this dataset encodes. */
    public org.tribuo.Dataset<Label> table() {
        return table;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Shape sampleShape() {
        return new Shape(encoding.dimension());
    }

    @Override
    public int numClasses() {
        return encoding.classes().size();
    }

    @Override
    public void read(int index, float[] into, int offset) {
        int d = encoding.dimension();
        System.arraycopy(values, index * d, into, offset, d);
    }

    @Override
    public int label(int index) {
        return labels[index];
    }
}
