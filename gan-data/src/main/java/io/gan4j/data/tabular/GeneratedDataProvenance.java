package io.gan4j.data.tabular;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DataSourceProvenance;

/**
 * A {@code GeneratedDataProvenance} is the Tribuo provenance of examples a GAN made: which variant
 * and run, which weights (final model or checkpoint, with its step), the sampling seed, and how many
 * of which class; for an augmented dataset also the real data's provenance. Tribuo stores it in
 * every dataset and model built from those examples.
 */
public final class GeneratedDataProvenance implements DataSourceProvenance {

    private static final long serialVersionUID = 1L;

    static final String VARIANT = "variant";
    static final String RUN = "run";
    static final String WEIGHTS = "weights";
    static final String STEP = "step";
    static final String SEED = "seed";
    static final String COUNT = "count";
    static final String CLASS_COUNTS = "class-counts";
    static final String AUGMENTS = "augments";

    private final StringProvenance variant;
    private final StringProvenance run;
    private final StringProvenance weights;
    private final LongProvenance step;
    private final LongProvenance seed;
    private final IntProvenance count;
    private final StringProvenance classCounts;
    private final DataProvenance augments;

    /**
     * Creates the provenance.
     *
     * @param variant the GAN variant, e.g. {@code cgan}
     * @param run the run directory
     * @param weights the weights used: {@code model} or a checkpoint directory name
     * @param step the training step the weights are from
     * @param seed the seed of the sampling noise
     * @param classCounts generated examples per class, e.g. {@code malignant=120}
     */
    public GeneratedDataProvenance(String variant, String run, String weights, long step, long seed, Map<String, Integer> classCounts) {
        this.variant = new StringProvenance(VARIANT, Objects.requireNonNull(variant, "variant is null"));
        this.run = new StringProvenance(RUN, Objects.requireNonNull(run, "run is null"));
        this.weights = new StringProvenance(WEIGHTS, Objects.requireNonNull(weights, "weights is null"));
        this.step = new LongProvenance(STEP, step);
        this.seed = new LongProvenance(SEED, seed);
        this.count = new IntProvenance(COUNT, classCounts.values().stream().mapToInt(Integer::intValue).sum());
        this.classCounts = new StringProvenance(CLASS_COUNTS, classCounts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "," + b).orElse(""));
        this.augments = null;
    }

    private GeneratedDataProvenance(GeneratedDataProvenance generated, DataProvenance augments) {
        this.variant = generated.variant;
        this.run = generated.run;
        this.weights = generated.weights;
        this.step = generated.step;
        this.seed = generated.seed;
        this.count = generated.count;
        this.classCounts = generated.classCounts;
        this.augments = Objects.requireNonNull(augments, "augments is null");
    }

    /** Returns this provenance for a dataset that holds the examples of {@code realData} plus the generated ones. */
    public GeneratedDataProvenance augmenting(DataProvenance realData) {
        return new GeneratedDataProvenance(this, realData);
    }

    /** Rebuilds the provenance from its fields (Tribuo's provenance marshalling calls this). */
    public GeneratedDataProvenance(Map<String, Provenance> map) {
        this.variant = ObjectProvenance.checkAndExtractProvenance(map, VARIANT, StringProvenance.class, "GeneratedDataProvenance");
        this.run = ObjectProvenance.checkAndExtractProvenance(map, RUN, StringProvenance.class, "GeneratedDataProvenance");
        this.weights = ObjectProvenance.checkAndExtractProvenance(map, WEIGHTS, StringProvenance.class, "GeneratedDataProvenance");
        this.step = ObjectProvenance.checkAndExtractProvenance(map, STEP, LongProvenance.class, "GeneratedDataProvenance");
        this.seed = ObjectProvenance.checkAndExtractProvenance(map, SEED, LongProvenance.class, "GeneratedDataProvenance");
        this.count = ObjectProvenance.checkAndExtractProvenance(map, COUNT, IntProvenance.class, "GeneratedDataProvenance");
        this.classCounts = ObjectProvenance.checkAndExtractProvenance(map, CLASS_COUNTS, StringProvenance.class, "GeneratedDataProvenance");
        this.augments = ObjectProvenance.maybeExtractProvenance(map, AUGMENTS, DataProvenance.class, "GeneratedDataProvenance").orElse(null);
    }

    /** Returns the variant that generated the examples. */
    public String variant() {
        return variant.getValue();
    }

    /** Returns the run directory. */
    public String run() {
        return run.getValue();
    }

    /** Returns which weights of the run generated the examples. */
    public String weights() {
        return weights.getValue();
    }

    /** Returns the training step of the weights. */
    public long step() {
        return step.getValue();
    }

    /** Returns the sampling seed. */
    public long seed() {
        return seed.getValue();
    }

    /** Returns the number of generated examples. */
    public int count() {
        return count.getValue();
    }

    /** Returns the provenance of the real data the generated examples were added to, if any. */
    public Optional<DataProvenance> augments() {
        return Optional.ofNullable(augments);
    }

    @Override
    public String getClassName() {
        return GeneratedDataProvenance.class.getName();
    }

    @Override
    public Iterator<Pair<String, Provenance>> iterator() {
        List<Pair<String, Provenance>> fields = new ArrayList<>();
        fields.add(new Pair<>(VARIANT, variant));
        fields.add(new Pair<>(RUN, run));
        fields.add(new Pair<>(WEIGHTS, weights));
        fields.add(new Pair<>(STEP, step));
        fields.add(new Pair<>(SEED, seed));
        fields.add(new Pair<>(COUNT, count));
        fields.add(new Pair<>(CLASS_COUNTS, classCounts));
        if (augments != null) {
            fields.add(new Pair<>(AUGMENTS, augments));
        }
        return fields.iterator();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GeneratedDataProvenance other)) {
            return false;
        }
        return variant.equals(other.variant) && run.equals(other.run) && weights.equals(other.weights) && step.equals(other.step)
                && seed.equals(other.seed) && count.equals(other.count) && classCounts.equals(other.classCounts)
                && Objects.equals(augments, other.augments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(variant, run, weights, step, seed, count, classCounts, augments);
    }

    @Override
    public String toString() {
        return generateString("GeneratedData");
    }
}
