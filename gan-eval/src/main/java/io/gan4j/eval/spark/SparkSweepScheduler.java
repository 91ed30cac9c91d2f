package io.gan4j.eval.spark;

import io.gan4j.eval.sweep.PointScheduler;
import io.gan4j.eval.sweep.SweepPoint;
import io.gan4j.eval.sweep.SweepRunner;
import io.gan4j.eval.sweep.SweepWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code SparkSweepScheduler} runs each pending sweep point as one Spark task: the task starts the
 * point's {@link SweepWorker} JVM on its executor (its own engine, RNG and native memory; a crash
 * loses that point only) with {@code OMP_NUM_THREADS} set to the task's share of the cores, and waits
 * for it. The run directories and result files go under the sweep's output directory, which on a
 * cluster must be a path every executor sees. Stopping cancels the job; Spark interrupts the tasks,
 * which stop their workers (SIGTERM: a checkpoint at the current step), so the sweep run again resumes
 * every point exactly.
 */
public final class SparkSweepScheduler implements PointScheduler {

    private final SparkConnection spark;
    private final String group = "gan4j-sweep-" + UUID.randomUUID();
    private volatile boolean stopping;

    /**
     * Creates a scheduler on {@code spark}.
     *
     * @param spark the connection
     */
    public SparkSweepScheduler(SparkConnection spark) {
        this.spark = spark;
    }

    @Override
    public String description() {
        return "Spark " + spark.master() + " (" + spark.parallelism() + " task slot(s), " + threadsPerPoint() + " thread(s) per point)";
    }

    /**
     * Threads each point's worker gets: in {@code local[N]}, this machine's cores divided by N
     * ({@link SweepWorker#threadsFor}); on a cluster, {@code spark.task.cpus}.
     */
    int threadsPerPoint() {
        JavaSparkContext sc = spark.context();
        return sc.master().startsWith("local") ? SweepWorker.threadsFor(spark.parallelism()) : sc.getConf().getInt("spark.task.cpus", 1);
    }

    @Override
    public List<String> run(List<SweepPoint> pending, SweepRunner runner, Consumer<String> messages) {
        String out = runner.output().toString();
        String plugins = runner.pluginDirectory() == null ? null : runner.pluginDirectory().toAbsolutePath().toString();
        int threads = threadsPerPoint();
        List<String> ids = pending.stream().map(SweepPoint::id).toList();
        JavaSparkContext sc = spark.context();
        sc.setJobGroup(group, "gan4j sweep " + out, true);
        try {
            JavaFutureAction<List<String>> job = sc.parallelize(ids, ids.size()).map(id -> runPoint(out, id, plugins, threads)).collectAsync();
            List<String> outcomes = JobProgress.await(job, ids.size(),
                    () -> pending.stream().filter(p -> Files.isRegularFile(runner.resultFile(p))).count(), "points", messages);
            return outcomes.stream().filter(o -> !o.isEmpty()).toList();
        } catch (Exception e) {
            if (stopping) {
                return List.of();
            }
            throw SparkFailures.unwrap(e, "sweep");
        } finally {
            sc.clearJobGroup();
        }
    }

    @Override
    public void stop() {
        stopping = true;
        try {
            spark.context().cancelJobGroup(group);
        } catch (IllegalStateException stopped) {
            // Spark's own shutdown hook stopped the context first: its tasks were interrupted all the same.
        }
    }

    /**
     * The task: runs one point in a worker JVM and returns "" when it finished or was stopped (the runner
     * tells which from its result file), else a line naming its log.
     */
    private static String runPoint(String out, String id, String plugins, int threads) throws Exception {
        Path dir = Path.of(out);
        Path log = SweepRunner.logFile(dir, id);
        Process worker = SweepWorker.start(dir, id, plugins == null ? null : Path.of(plugins), threads, log);
        try {
            int code = worker.waitFor();
            return code == 0 || code == SweepWorker.STOPPED ? "" : id + " (exit " + code + "; see " + log + ")";
        } catch (InterruptedException e) {
            worker.destroy();  // SIGTERM: the worker saves a checkpoint at its current step, then exits
            worker.waitFor(2, TimeUnit.MINUTES);
            throw e;
        }
    }
}
