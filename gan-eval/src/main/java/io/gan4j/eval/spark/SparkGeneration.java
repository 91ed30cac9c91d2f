package io.gan4j.eval.spark;

import io.gan4j.eval.shards.SampleShards;
import io.gan4j.eval.shards.ShardedGeneration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;

/**
 * {@code SparkGeneration} runs a {@link ShardedGeneration} as Spark tasks: the shards are split into
 * partitions of consecutive shards, each task loads the generator once and writes its shards (and
 * measures their features), and the driver writes the manifest and merges the statistics in partition
 * order. The shard files are the same bytes for any partition count and master; the statistics agree
 * to rounding (merge order), within 1e-12 relative.
 *
 * <p>On a cluster the output directory must be a path every executor and the driver see (a shared
 * file system); the shards are written by the executors.
 */
public final class SparkGeneration {

    private SparkGeneration() {}

    /**
     * Generates the shards.
     *
     * @param spark the connection
     * @param settings what to generate
     * @param partitions the number of tasks, or 0 for one per task slot (at most one per shard)
     * @param messages where progress lines go
     * @return the manifest and statistics
     */
    public static ShardedGeneration.Result run(SparkConnection spark, ShardedGeneration.Settings settings, int partitions,
            Consumer<String> messages) {
        int shards = settings.shards();
        int slices = Math.min(shards, partitions > 0 ? partitions : spark.parallelism());
        messages.accept(String.format("spark: %d samples in %d shard(s) of %d, %d task(s) on %s", settings.count(), shards,
                settings.shardSize(), slices, spark.master()));
        JavaRDD<Integer> indices = spark.context().parallelize(IntStream.range(0, shards).boxed().toList(), slices);
        JavaFutureAction<List<ShardedGeneration.Part>> job = indices.mapPartitions((Iterator<Integer> it) -> {
            List<Integer> mine = new ArrayList<>();
            it.forEachRemaining(mine::add);
            return mine.isEmpty() ? java.util.Collections.emptyIterator()
                    : List.of(ShardedGeneration.runPart(settings, mine, ExecutorPlugins.registry(settings.pluginDirectory()), n -> { }))
                            .iterator();
        }).collectAsync();
        FileTime start = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        Path dir = Path.of(settings.output());
        List<ShardedGeneration.Part> parts;
        try {
            parts = JobProgress.await(job, shards, () -> shardsWrittenSince(dir, start, shards), "shards", messages);
        } catch (Exception e) {
            throw SparkFailures.unwrap(e, "generation");
        }
        return ShardedGeneration.finish(settings, parts);
    }

    /** Counts the shards whose files were written since {@code start}. */
    private static long shardsWrittenSince(Path dir, FileTime start, int shards) {
        return IntStream.range(0, shards).filter(i -> {
            try {
                return Files.getLastModifiedTime(dir.resolve(SampleShards.samplesFile(i))).compareTo(start) >= 0;
            } catch (IOException e) {
                return false;  // not written yet
            }
        }).count();
    }
}
