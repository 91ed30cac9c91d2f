package io.gan4j.cli;

import io.gan4j.eval.html.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gan report}: a static HTML report of one or more runs. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a self-contained HTML report of runs: curves, sample grids, evaluations side by side.",
            "Each RUN is a run directory, a sweep's output or a directory of runs. The page opens offline from a file;",
            "rebuild it at any time, also while a run trains."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run directories (or directories of runs) to report on, in order.")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write index.html and images/ (default: RUN/report for one run).")
    Path out;

    @Option(names = "--title", description = "Page title (default: the run's name, or the number of runs).")
    String title;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> directories = new ArrayList<>();
        runs.forEach(r -> directories.addAll(RunReport.findRuns(r)));
        if (out == null && runs.size() > 1) {
            throw new IllegalArgumentException("--out DIR is required with several RUN arguments");
        }
        Path target = out != null ? out : runs.get(0).resolve("report");
        long start = System.nanoTime();
        RunReport report = RunReport.of(directories);
        if (title != null) {
            report.optTitle(title);
        }
        Path page = report.write(target);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("report of %d run(s) written in %.1f s: %s%n", directories.size(), (System.nanoTime() - start) / 1e9, page);
        o.flush();
        return 0;
    }
}
