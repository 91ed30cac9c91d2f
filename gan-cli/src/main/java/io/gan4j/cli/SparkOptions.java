package io.gan4j.cli;

import io.gan4j.eval.spark.SparkConnection;
import picocli.CommandLine.Option;

/** The options of commands that can run as Spark jobs: {@code --master URL} and {@code --partitions N}. */
final class SparkOptions {

    @Option(names = "--master", paramLabel = "URL",
            description = "Run as a Spark job: local[N] in this process, or a cluster's master (under spark-submit, its own).")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Spark tasks (default: one per task slot).")
    int partitions;

    /** Whether to run as a Spark job: a master was given, or the command runs under spark-submit (which sets spark.master). */
    boolean enabled() {
        return master != null || System.getProperty("spark.master") != null;
    }

    /** Refuses --partitions without a master, where nothing would honour it, and a negative count. */
    void check() {
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be >= 1, was " + partitions);
        }
        if (partitions > 0 && !enabled()) {
            throw new IllegalArgumentException("--partitions sets the tasks of a Spark job: give --master too");
        }
    }

    /** Connects to the master; the caller closes the connection. */
    SparkConnection open(String app) {
        check();
        return SparkConnection.open(master, app);
    }
}
