package io.gan4j.data.tabular;

import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * {@code GeneratedExamples} turns a conditional generator's vectors back into Tribuo examples: in
 * original units (the inverse of the run's {@link TableEncoding}), labelled with the class they were
 * generated for, marked with metadata {@value #ORIGIN}={@value #GENERATED}, in a dataset whose
 * provenance is a {@link GeneratedDataProvenance}.
 */
public final class GeneratedExamples {

    /** Metadata key that marks where an example came from. */
    public static final String ORIGIN = "origin";

    /** Value of {@link #ORIGIN} on generated examples. */
    public static final String GENERATED = "generated";

    private GeneratedExamples() {}

    /**
     * Decodes generated vectors.
     *
     * @param values standardized vectors, row after row ({@code labels.length} × F)
     * @param labels the class index each vector was generated for
     * @param encoding the run's encoding
     * @param provenance who generated them
     */
    public static MutableDataset<Label> toDataset(float[] values, int[] labels, TableEncoding encoding,
            GeneratedDataProvenance provenance) {
        int d = encoding.dimension();
        if (values.length != labels.length * d) {
            throw new IllegalArgumentException("expected " + labels.length + " vectors of " + d + " values, got " + values.length + " values");
        }
        MutableDataset<Label> out = new MutableDataset<>(provenance, new LabelFactory());
        for (int i = 0; i < labels.length; i++) {
            out.add(encoding.decode(values, i * d, labels[i], Map.of(ORIGIN, GENERATED)));
        }
        return out;
    }

    /**
     * Returns a new dataset with the real examples followed by the generated ones, recording both origins.
     *
     * @param generated a dataset made by {@link #toDataset}
     */
    public static MutableDataset<Label> augment(Dataset<Label> real, MutableDataset<Label> generated) {
        if (!(generated.getProvenance().getSourceProvenance() instanceof GeneratedDataProvenance made)) {
            throw new IllegalArgumentException("the generated dataset has no GeneratedDataProvenance; make it with GeneratedExamples.toDataset");
        }
        MutableDataset<Label> out = new MutableDataset<>(made.augmenting(real.getProvenance()), new LabelFactory());
        for (Example<Label> e : real) {
            out.add(e);
        }
        for (Example<Label> e : generated) {
            out.add(e);
        }
        return out;
    }
}
