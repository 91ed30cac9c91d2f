package io.gan4j.cli;

import io.gan4j.eval.stats.MeanStd;
import io.gan4j.eval.sweep.Sweep;
import io.gan4j.eval.sweep.SweepPoint;
import io.gan4j.core.run.StopOnShutdown;
import io.gan4j.eval.spark.SparkConnection;
import io.gan4j.eval.spark.SparkSweepScheduler;
import io.gan4j.eval.sweep.SweepRunner;
import io.gan4j.eval.sweep.SweepStoppedException;
import io.gan4j.eval.sweep.SweepSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gan sweep}: trains and evaluates every point of a sweep file, then summarizes and reports. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train and evaluate every point of a sweep (a grid or list over config keys), then summarize and report.",
            "Finished points are skipped, so running an interrupted sweep again completes only the missing ones.",
            "Writes OUT/runs/ID/, OUT/summary.csv, OUT/summary.json (mean +- std over seeds) and OUT/report/index.html."})
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "The sweep file (see docs/reports.md).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/ and the sweep file's name).")
    Path out;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Points trained at a time, each in its own process with the cores divided (default: the file's, else 1).")
    Integer parallel;

    @Option(names = "--dry-run", description = "List the points with their settings and stop; nothing is written.")
    boolean dryRun;

    @Mixin
    RuntimeOptions plugins;

    @Mixin
    SparkOptions spark;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spark.check();
        Sweep sweep = Sweep.read(file);
        if (parallel != null) {
            sweep = new Sweep(sweep.base(), sweep.points(), sweep.evaluation(), parallel);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (dryRun) {
            for (SweepPoint p : sweep.points()) {
                o.printf("%s  %s%n", p.id(), p.settings());
            }
            o.printf("%d points%s%n", sweep.points().size(), sweep.evaluation() == null ? ", not evaluated"
                    : ", each evaluated with " + (sweep.evaluation().metrics() == null ? "gan eval's default metrics" : sweep.evaluation().metrics())
                    + " on " + sweep.evaluation().count() + " samples per side");
            o.flush();
            return 0;
        }
        Path target = out != null ? out : Sweep.defaultOutput(file);
        PrintWriter err = spec.commandLine().getErr();
        SweepRunner runner = new SweepRunner(plugins.registry(), sweep, target).optPluginDirectory(plugins.directory)
                .optMessages(line -> {
                    err.println(line);
                    err.flush();
                });
        SweepSummary summary;
        try (SparkConnection connection = spark.enabled() ? spark.open("gan sweep " + file.getFileName()) : null) {
            if (connection != null) {
                if (parallel != null || spark.partitions != 0) {
                    throw new IllegalArgumentException("--parallel and --partitions do not apply with --master: each point is one Spark task");
                }
                runner.optScheduler(new SparkSweepScheduler(connection));
            }
            // The stop is reported inside the work: once the work returns, a shutdown hook lets the JVM exit.
            summary = StopOnShutdown.call("gan-sweep-shutdown", runner::stop, () -> {
                try {
                    return runner.run();
                } catch (SweepStoppedException e) {
                    err.println(e.getMessage());
                    err.flush();
                    return null;
                }
            });
        }
        if (summary == null) {
            return 0;  // stopped; on a signal the JVM, shutting down, exits with 128 + its number
        }
        for (SweepSummary.Group g : summary.groups()) {
            o.printf("%s (%d run%s)%n", g.settings().isEmpty() ? "all points" : g.settings(), g.points().size(), g.points().size() > 1 ? "s" : "");
            for (Map.Entry<String, MeanStd> v : g.values().entrySet()) {
                o.printf("  %-20s %.6g%s%n", v.getKey(), v.getValue().mean(), g.points().size() > 1 ? String.format(" ± %.3g", v.getValue().std()) : "");
            }
        }
        o.flush();
        return 0;
    }
}
