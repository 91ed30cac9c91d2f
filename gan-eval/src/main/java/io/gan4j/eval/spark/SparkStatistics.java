package io.gan4j.eval.spark;

import io.gan4j.eval.fid.FeatureMoments;
import io.gan4j.eval.fid.GaussianStatistics;
import io.gan4j.eval.shards.DatasetStatistics;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;

/**
 * {@code SparkStatistics} computes a real data set's feature statistics ({@link DatasetStatistics}) as
 * Spark tasks: the seeded subset is split into contiguous ranges, each task measures its range and
 * returns its {@link FeatureMoments} (count, mean, co-moment in float64), and the driver merges them
 * in range order by Chan et al.'s pairwise update. The result equals the single-process statistics to
 * rounding; FID computed from it equals the single-process FID within 1e-9 relative (tested).
 *
 * <p>Every task opens the data set itself, so on a cluster its path must be one every executor sees.
 */
public final class SparkStatistics {

    private SparkStatistics() {}

    /**
     * Computes the statistics.
     *
     * @param spark the connection
     * @param settings what to measure
     * @param partitions the number of tasks, or 0 for one per task slot
     * @param messages where progress lines go
     * @return the statistics of the whole subset
     */
    public static GaussianStatistics compute(SparkConnection spark, DatasetStatistics.Settings settings, int partitions,
            Consumer<String> messages) {
        DatasetStatistics.Settings resolved = DatasetStatistics.resolve(settings, ExecutorPlugins.registry(settings.pluginDirectory()));
        List<int[]> ranges = DatasetStatistics.ranges(resolved.count(), partitions > 0 ? partitions : spark.parallelism());
        messages.accept(String.format("spark: %s features of %d samples of %s in %d task(s) on %s", resolved.features(), resolved.count(),
                resolved.data(), ranges.size(), spark.master()));
        JavaFutureAction<List<FeatureMoments>> job = spark.context().parallelize(ranges, ranges.size())
                .map(r -> DatasetStatistics.moments(resolved, r[0], r[1], ExecutorPlugins.registry(resolved.pluginDirectory()), n -> { }))
                .collectAsync();
        List<FeatureMoments> parts;
        try {
            parts = JobProgress.await(job, ranges.size(), () -> completedTasks(spark, job), "tasks", messages);
        } catch (Exception e) {
            throw SparkFailures.unwrap(e, "statistics job");
        }
        FeatureMoments all = parts.get(0);
        for (FeatureMoments p : parts.subList(1, parts.size())) {
            all.merge(p);
        }
        return all.statistics();
    }

    /** Returns the number of the job's tasks Spark reports finished. */
    static long completedTasks(SparkConnection spark, JavaFutureAction<?> job) {
        long done = 0;
        for (int id : job.jobIds()) {
            var info = spark.context().statusTracker().getJobInfo(id);
            if (info != null) {
                for (int stage : info.stageIds()) {
                    var stageInfo = spark.context().statusTracker().getStageInfo(stage);
                    done += stageInfo == null ? 0 : stageInfo.numCompletedTasks();
                }
            }
        }
        return done;
    }
}
