package io.gan4j.core.config;

import ai.djl.engine.Engine;
import java.time.Instant;

/**
 * A {@code RunProvenance} records where a run came from, beside its {@link RunSpec}: software
 * versions, engine, thread setting, data and start time.
 *
 * @param gan4jVersion version of gan-core
 * @param gan4jCommit the git commit gan-core was built from ({@link BuildInfo}, with {@code -dirty} for
 *     uncommitted changes); null in older run files
 * @param djlVersion DJL version
 * @param engine DJL engine name and version
 * @param javaVersion Java runtime version
 * @param ompThreads the {@code OMP_NUM_THREADS} setting, which changes floating-point results
 * @param dataset the dataset's description
 * @param datasetSize number of samples
 * @param createdAt start time, ISO-8601
 * @param device the device the networks live on, e.g. {@code cpu()}; null in older run files
 */
public record RunProvenance(
        String gan4jVersion,
        String gan4jCommit,
        String djlVersion,
        String engine,
        String javaVersion,
        String ompThreads,
        String dataset,
        int datasetSize,
        String createdAt,
        String device) {

    /** Returns the provenance of a run starting now on this machine. */
    public static RunProvenance current(String dataset, int datasetSize) {
        Engine engine = Engine.getInstance();
        BuildInfo build = BuildInfo.current();
        return new RunProvenance(
                build.version(),
                build.commit() + (build.dirty() ? "-dirty" : ""),
                Engine.getDjlVersion(),
                engine.getEngineName() + " " + engine.getVersion(),
                System.getProperty("java.version"),
                String.valueOf(System.getenv("OMP_NUM_THREADS")),
                dataset,
                datasetSize,
                Instant.now().toString(),
                io.gan4j.core.engine.DeviceChoice.current().toString());
    }
}
