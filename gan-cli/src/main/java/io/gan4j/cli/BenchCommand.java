package io.gan4j.cli;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.features.FeatureMatrix;
import io.gan4j.core.io.AtomicFiles;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.GanRun;
import io.gan4j.core.run.RunBuilder;
import io.gan4j.eval.monitor.StandardMonitors;
import io.gan4j.eval.fid.FrechetDistance;
import io.gan4j.eval.fid.GaussianStatistics;
import io.gan4j.eval.npy.Npy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code gan bench}: the training workloads of BENCHMARKS.md. {@code b1} measures DCGAN-MNIST
 * images/s after a warm-up, printing one line in the format of the PyTorch reference script;
 * {@code b3} trains for many steps and reports resident memory and live arrays every 500 steps.
 * Side-by-side ratios come from {@code gan-cli/bench/b1.sh}, which alternates with the reference.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark workload and print its measurements.",
            "Workloads: b1 (DCGAN throughput), b2 A.npy B.npy (Frechet distance), b3 (memory); subcommands tabular",
            "(class balancing with GAN samples) and cas (Classification Accuracy Score). See docs/benchmarks/."},
        subcommands = {TabularAugmentationBench.class, CasBench.class})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKLOAD", description = "b1, b2 or b3")
    String workload;

    @Parameters(index = "1..*", arity = "0..2", paramLabel = "NPY", description = "b2: the two feature matrices (.npy)")
    List<Path> featureFiles = new ArrayList<>();

    @Option(names = "--data", defaultValue = "mnist", description = "Dataset spec (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--steps", description = "Timed steps (b1 default 200) or total steps (b3 default 5000).")
    Long steps;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed warm-up steps for b1 (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--report-every", defaultValue = "500", description = "b3: steps between memory reports (default: ${DEFAULT-VALUE}).")
    int reportEvery;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (workload == null) {
            throw new IllegalArgumentException("missing WORKLOAD: b1, b2 A.npy B.npy, b3, or a subcommand (tabular, cas); see 'gan bench --help'");
        }
        if (workload.equals("b2")) {
            frechet();
            return 0;
        }
        boolean throughput = switch (workload) {
            case "b1" -> true;
            case "b3" -> false;
            default -> throw new IllegalArgumentException("unknown workload '" + workload + "'; expected b1, b2 or b3");
        };
        PluginRegistry registry = plugins.registry();
        Dataset dataset = registry.openDataset(data, 0);
        long total = throughput ? warmup + (steps == null ? 200 : steps) : (steps == null ? 5000 : steps);
        // No sample grids or checkpoints inside the timed steps; the final ones come after the last mark.
        Path dir = Files.createTempDirectory("gan4j-bench");
        PrintWriter out = spec.commandLine().getOut();
        String threads = String.valueOf(System.getenv("OMP_NUM_THREADS"));
        try {
            long[] marks = new long[2];
            float[] last = new float[2];
            GanRun[] run = new GanRun[1];
            run[0] = withoutPeriodicWork(RunBuilder.create(registry).setVariant("dcgan").optDataset(dataset).optSteps(total)
                    .optBatchSize(batch)).setOutput(dir).optListener(event -> {
                if (event instanceof TrainingEvent.StepCompleted e) {
                    if (throughput) {
                        if (e.step() == warmup) {
                            marks[0] = System.nanoTime();
                        } else if (e.step() == total) {
                            marks[1] = System.nanoTime();
                            last[0] = e.losses().get("d_loss");
                            last[1] = e.losses().get("g_loss");
                        }
                    } else if (e.step() % reportEvery == 0 || e.step() == total) {
                        out.printf("step=%d rss_mb=%.1f live_arrays=%d%n", e.step(), rssMegabytes(), run[0].liveArrayCount());
                        out.flush();
                    }
                }
            }).build();
            run[0].train();
            if (throughput) {
                double seconds = (marks[1] - marks[0]) / 1e9;
                out.printf("images_per_sec=%.1f steps=%d batch=%d threads=%s final_d_loss=%.4f final_g_loss=%.4f%n",
                        (total - warmup) * batch / seconds, total - warmup, batch, threads, last[0], last[1]);
            }
            out.flush();
        } finally {
            AtomicFiles.deleteRecursively(dir);
        }
        return 0;
    }

    /**
     * Returns the builder set for a timed or repeated benchmark run: no log lines, sample grids, checkpoints
     * or collapse checks during the steps; the final checkpoint, grid and model are still written.
     */
    static RunBuilder withoutPeriodicWork(RunBuilder run) {
        return run.optLogEvery(1_000_000).optSampleEvery(0).optCheckpointEvery(0).optKeepCheckpoints(1)
                .optMonitorOption(StandardMonitors.COLLAPSE_ALARM, "every", "0");
    }

    /** B2: FID of two feature matrices, printed like the reference script, with the time of each part. */
    private void frechet() {
        if (featureFiles.size() != 2) {
            throw new IllegalArgumentException("b2 needs two .npy feature matrices: gan bench b2 A.npy B.npy");
        }
        long t0 = System.nanoTime();
        FeatureMatrix a = Npy.read(featureFiles.get(0));
        FeatureMatrix b = Npy.read(featureFiles.get(1));
        long t1 = System.nanoTime();
        GaussianStatistics sa = GaussianStatistics.of(a);
        GaussianStatistics sb = GaussianStatistics.of(b);
        long t2 = System.nanoTime();
        double fid = FrechetDistance.compute(sa, sb);
        long t3 = System.nanoTime();
        spec.commandLine().getOut().printf("fid=%.10g seconds=%.3f stats_seconds=%.3f read_seconds=%.3f n1=%d n2=%d d=%d%n",
                fid, (t3 - t2) / 1e9, (t2 - t1) / 1e9, (t1 - t0) / 1e9, a.rows(), b.rows(), a.cols());
        spec.commandLine().getOut().flush();
    }

    /** Returns the resident set size of this process from /proc (Linux), or NaN elsewhere. */
    static double rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
