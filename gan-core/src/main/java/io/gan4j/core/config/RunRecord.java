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
 * @param resumes each time the run was continued, oldest first; {@code provenance} stays the creation's
 */
public record RunRecord(RunSpec spec, long[] sampleShape, int numClasses, RunProvenance provenance, int[] classCounts,
        List<PluginProvenance> plugins, List<RunResume> resumes) {

    /** Normalizes missing plugin provenance and resumes (older run files) to none. */
    public RunRecord {
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        resumes = resumes == null ? List.of() : List.copyOf(resumes);
    }

    /** Returns this record with another spec (a longer budget) and one more resume. */
    public RunRecord resumed(RunSpec extended, RunResume resume) {
        List<RunResume> all = new java.util.ArrayList<>(resumes);
        all.add(resume);
        return new RunRecord(extended, sampleShape, numClasses, provenance, classCounts, plugins, all);
    }

    /**
     * Returns how generated media name this run: its directory's name and its creation time.
     *
     * @param directory the run directory
     * @return e.g. {@code mnist@2026-12-02T07:00:00Z}
     */
    public String runId(java.nio.file.Path directory) {
        return directory.toAbsolutePath().normalize().getFileName() + "@" + provenance.createdAt();
    }

    /** Returns {@link #sampleShape} as a DJL shape. */
    public Shape shape() {
        return new Shape(sampleShape);
    }
}
