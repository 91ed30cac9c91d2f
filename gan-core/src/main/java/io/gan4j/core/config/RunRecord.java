package io.gan4j.core.config;

import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A {@code RunRecord} is the content of a run directory's {@code run.json}.
 *
 * @param spec what the run is
 * @param sampleShape shape of one data sample, so the networks can be rebuilt without the data
 * @param numClasses classes of the data, 0 when unlabelled
 * @param provenance where it came from
 * @param classCounts how many training samples each class has; null for unlabelled data and for runs
 *     recorded before the counts were
 * @param plugins where the plugins the run names (variant, loss, penalty, data, monitors) came from;
 *     empty in runs recorded before they were
 */
public record RunRecord(RunSpec spec, long[] sampleShape, int numClasses, RunProvenance provenance, int[] classCounts,
        List<PluginProvenance> plugins) {

    /** Normalizes missing plugin provenance (older run files) to none. */
    public RunRecord {
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
    }

    /** Returns {@link #sampleShape} as a DJL shape. */
    public Shape shape() {
        return new Shape(sampleShape);
    }
}
