package io.gan4j.cli;

import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.eval.fid.GaussianStatistics;
import io.gan4j.eval.shards.DatasetStatistics;
import io.gan4j.eval.spark.SparkConnection;
import io.gan4j.eval.spark.SparkStatistics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gan eval stats}: the feature statistics (mean and covariance) of a real data set, saved as
 * pytorch-fid's {@code .npz}, in this process or as a Spark job.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute a data set's feature statistics (mean, covariance) as pytorch-fid's .npz reference file.",
            "With --master the samples are measured in Spark tasks and their moments merged (same FID within 1e-9)."})
final class StatisticsCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "SPEC", description = "The data set, e.g. mnist:DIR, idx:FILE.gz, folder:DIR.")
    String data;

    @Option(names = "--out", required = true, paramLabel = "FILE.npz", description = "The statistics file to write.")
    Path out;

    @Option(names = "--features", paramLabel = "NAME",
            description = "Feature network (default: lenet-mnist for 28x28 grey images, else pixels); see 'gan list'.")
    String features;

    @Option(names = {"-F", "--feature-option"}, paramLabel = "NAME=VALUE", description = "Feature-network option, e.g. model=PATH.")
    Map<String, String> featureOptions = new LinkedHashMap<>();

    @Option(names = {"-n", "--count"}, defaultValue = "2147483647", description = "Samples measured (default: all).")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the subset's order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    RuntimeOptions plugins;

    @Mixin
    SparkOptions spark;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spark.check();
        if (!out.getFileName().toString().endsWith(".npz")) {
            throw new IllegalArgumentException("--out must name an .npz file, was " + out);
        }
        PluginRegistry registry = plugins.registry();
        DatasetStatistics.Settings settings = DatasetStatistics.resolve(new DatasetStatistics.Settings(data, count, seed, features,
                featureOptions, plugins.directory == null ? null : plugins.directory.toAbsolutePath().toString()), registry);
        PrintWriter err = spec.commandLine().getErr();
        GaussianStatistics statistics;
        if (spark.enabled()) {
            try (SparkConnection connection = spark.open("gan eval stats " + data)) {
                statistics = SparkStatistics.compute(connection, settings, spark.partitions, line -> {
                    err.println(line);
                    err.flush();
                });
            }
        } else {
            ConsoleProgress progress = new ConsoleProgress(err, System.console() != null);
            statistics = DatasetStatistics.compute(settings, registry, done -> progress.update("features", done, settings.count()));
        }
        statistics.save(out);
        spec.commandLine().getOut().printf("wrote the %s statistics of %d samples of %s to %s%n", settings.features(), statistics.count(), data, out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
