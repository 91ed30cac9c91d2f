package io.gan4j.eval.sweep;

import io.gan4j.core.config.RunConfig;
import io.gan4j.core.config.RunConfigFile;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.data.DatasetSpecs;
import io.gan4j.core.event.MetricsLog;
import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.event.TrainingListener;
import io.gan4j.core.io.Json;
import io.gan4j.core.io.RunLock;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.GanRun;
import io.gan4j.core.run.RunBuilder;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.core.train.Checkpoints;
import io.gan4j.core.train.RunDirectory;
import io.gan4j.core.train.TrainingSummary;
import io.gan4j.eval.html.RunReport;
import io.gan4j.eval.report.EvaluationReport;
import io.gan4j.eval.report.SavedEvaluations;
import io.gan4j.eval.run.GeneratorEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@code SweepRunner} runs a {@link Sweep} into an output directory:
 * <pre>
 * sweep.json         the sweep as run: base config, points, evaluation (workers read it)
 * runs/ID/           each point's run directory (a normal run: run.json, metrics, samples, model/, evaluations/)
 * points/ID.json     each finished point's {@link PointResult}
 * logs/ID.log        a worker's output, when points run in parallel
 * summary.csv        one row per point; summary.json adds mean ± std over seeds per group
 * report/index.html  the comparison report of all points
 * </pre>
 * A point is finished when its {@code points/ID.json} exists and was made with the same config and
 * evaluation; finished points are skipped, so an interrupted sweep run again completes only the
 * missing ones (a point killed while training resumes from its newest checkpoint). Points run one
 * after another in this process, or {@code parallel} at a time in worker processes with the cores
 * divided between them ({@code OMP_NUM_THREADS} = cores / parallel, since oversubscribed OpenMP
 * threads spin), or as the tasks of a {@link PointScheduler} (Spark).
 */
public final class SweepRunner {

    /** The file that holds the sweep as run, in the output directory. */
    public static final String SWEEP_FILE = "sweep.json";

    private final PluginRegistry registry;
    private final Sweep sweep;
    private final Path out;
    private Consumer<String> messages = line -> System.getLogger(SweepRunner.class.getName()).log(System.Logger.Level.INFO, line);
    private Path pluginDirectory;
    private PointScheduler scheduler;
    private volatile boolean stopping;
    private volatile GanRun current;
    private final List<Process> workers = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * Creates a runner.
     *
     * @param registry the plugins
     * @param sweep the sweep
     * @param out the output directory
     */
    public SweepRunner(PluginRegistry registry, Sweep sweep, Path out) {
        this.registry = Objects.requireNonNull(registry, "registry is null");
        this.sweep = Objects.requireNonNull(sweep, "sweep is null");
        this.out = Objects.requireNonNull(out, "out is null").toAbsolutePath();
    }

    /** Sets where progress lines go (default: this class's {@code System.Logger}). */
    public SweepRunner optMessages(Consumer<String> sink) {
        this.messages = Objects.requireNonNull(sink, "sink is null");
        return this;
    }

    /** Sets the directory of extra plugin jars that worker processes load (as the registry was made with). */
    public SweepRunner optPluginDirectory(Path directory) {
        this.pluginDirectory = directory;
        return this;
    }

    /**
     * Runs the pending points with {@code scheduler} (e.g. as Spark tasks) instead of in this process or
     * in local worker processes ({@link Sweep#parallel()} is then ignored: the scheduler decides).
     */
    public SweepRunner optScheduler(PointScheduler value) {
        this.scheduler = value;
        return this;
    }

    /** Returns the sweep's output directory. */
    public Path output() {
        return out;
    }

    /** Returns the directory of extra plugin jars worker processes load, or null. */
    public Path pluginDirectory() {
        return pluginDirectory;
    }

    /** Returns the log file of a point run in a worker process, in the sweep's output directory {@code out}. */
    public static Path logFile(Path out, String pointId) {
        return out.resolve("logs").resolve(pointId + ".log");
    }

    /**
     * Asks {@link #run()} (or {@link #runPoint}), running in another thread, to stop: the point training
     * in this process saves a checkpoint at its current step, worker processes are asked to do the same
     * (SIGTERM), and no other point starts. {@code run()} then throws {@link SweepStoppedException}; the
     * sweep run again resumes each point exactly.
     */
    public void stop() {
        stopping = true;
        GanRun training = current;
        if (training != null) {
            training.stop();
        }
        synchronized (workers) {
            workers.forEach(Process::destroy);
        }
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    /** Returns the run directory of a point. */
    public Path runDirectory(SweepPoint point) {
        return out.resolve("runs").resolve(point.id());
    }

    /** Returns the result file of a point. */
    public Path resultFile(SweepPoint point) {
        return out.resolve("points").resolve(point.id() + ".json");
    }

    /**
     * Runs every point that is not finished, then writes the summary and the report.
     *
     * @return the summary of all points
     * @throws IllegalArgumentException when a point's settings are invalid or a point failed; the points
     *     finished before stay finished
     */
    public SweepSummary run() {
        try (RunLock lock = RunLock.acquire(out, "sweep")) {
            Json.write(out.resolve(SWEEP_FILE), SweepRecord.of(sweep));
            List<SweepPoint> pending = new ArrayList<>();
            for (SweepPoint p : sweep.points()) {
                if (finished(p).isEmpty()) {
                    pending.add(p);
                }
            }
            int done = sweep.points().size() - pending.size();
            messages.accept(String.format("sweep: %d points, %d finished before, %d to run%s", sweep.points().size(), done, pending.size(),
                    scheduler != null ? " on " + scheduler.description()
                    : sweep.parallel() > 1 && pending.size() > 1 ? ", " + Math.min(sweep.parallel(), pending.size()) + " at a time with "
                            + threadsPerWorker() + " thread(s) each" : ""));
            if (scheduler != null && !pending.isEmpty()) {
                List<String> failures = scheduler.run(pending, this, messages);
                if (!failures.isEmpty() && !stopping) {
                    throw new IllegalArgumentException("sweep points failed: " + String.join(", ", failures));
                }
            } else if (sweep.parallel() > 1 && pending.size() > 1) {
                runInWorkers(pending);
            } else {
                Progress progress = new Progress(pending.size());
                for (SweepPoint p : pending) {
                    if (stopping) {
                        break;
                    }
                    messages.accept("sweep: point " + p.id() + " starts");
                    try {
                        progress.finished(p, runPoint(p));
                    } catch (SweepStoppedException e) {
                        break;
                    }
                }
            }
            if (stopping) {
                throw new SweepStoppedException(sweep.points().stream().filter(p -> finished(p).isPresent()).count(), sweep.points().size());
            }
            List<PointResult> results = new ArrayList<>();
            for (SweepPoint p : sweep.points()) {
                results.add(finished(p).orElseThrow(() -> new IllegalStateException("point " + p.id() + " did not finish")));
            }
            SweepSummary summary = SweepSummary.of(results);
            summary.write(out);
            Path page = RunReport.of(sweep.points().stream().map(this::runDirectory).toList())
                    .optTitle("gan4j sweep " + out.getFileName() + ": " + sweep.points().size() + " runs").write(out.resolve("report"));
            messages.accept("sweep: summary in " + out.resolve("summary.csv") + " and summary.json; report in " + page);
            return summary;
        }
    }

    /** Returns the point's result when it is finished with the sweep's config and evaluation. */
    private Optional<PointResult> finished(SweepPoint p) {
        Path file = resultFile(p);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        PointResult result = Json.read(file, PointResult.class);
        if (!same(result.config(), p.config())) {
            throw new IllegalArgumentException("point " + p.id() + " was finished with other settings (" + file + "); delete it and "
                    + runDirectory(p) + " to run the point again, or give this sweep another output");
        }
        return same(result.evaluation(), sweep.evaluation()) ? Optional.of(result) : Optional.empty();
    }

    private static boolean same(Object a, Object b) {
        return Json.MAPPER.valueToTree(a).equals(Json.MAPPER.valueToTree(b));
    }

    /**
     * Trains (or resumes, or skips when its model is complete) and evaluates one point in this process
     * and writes its result.
     *
     * @param p the point
     * @return its result
     */
    public PointResult runPoint(SweepPoint p) {
        Path dir = runDirectory(p);
        double trainingSeconds = 0;
        if (!trained(dir)) {
            long start = System.nanoTime();
            RunBuilder builder = Files.isRegularFile(new RunDirectory(dir).runFile())
                    ? RunBuilder.resume(registry, dir).optConfig(withAbsoluteData(p.config()))
                    : RunBuilder.create(registry).optConfig(p.config()).setOutput(dir);
            GanRun run = builder.optMessages(line -> messages.accept("  " + p.id() + ": " + line))
                    .optListener(new PointProgress(p.id())).build();
            current = run;
            TrainingSummary summary;
            try {
                if (stopping) {
                    run.stop();
                }
                summary = run.train();
            } finally {
                current = null;
            }
            if (summary.interrupted()) {
                messages.accept("  " + p.id() + ": stopped at step " + summary.steps() + "; checkpoint saved");
                throw new SweepStoppedException(0, 0);
            }
            trainingSeconds = (System.nanoTime() - start) / 1e9;
        }
        long start = System.nanoTime();
        Map<String, Double> metrics = Map.of();
        String evaluationFile = null;
        long step;
        try (TrainedModel model = TrainedModel.load(registry, dir, OptionalLong.empty(), line -> messages.accept("  " + p.id() + ": " + line))) {
            step = model.step();
            GeneratorEvaluation.Settings e = sweep.evaluation();
            if (e != null) {
                Dataset real = registry.openDataset(model.record().spec().data(), e.seed());
                EvaluationReport report = GeneratorEvaluation.run(registry, e, real,
                        GeneratorEvaluation.samplesOf(model, "run " + dir + " (model)", e.count(), e.seed()), done -> { });
                evaluationFile = dir.relativize(SavedEvaluations.save(dir, step, "model", report)).toString();
                metrics = report.scalars();
            }
        }
        PointResult result = new PointResult(p.id(), p.settings(), p.config(), sweep.evaluation(), step,
                MetricsLog.lastLosses(MetricsLog.read(new RunDirectory(dir).metricsLog())), metrics,
                evaluationFile, trainingSeconds, (System.nanoTime() - start) / 1e9);
        Json.write(resultFile(p), result);
        return result;
    }

    /** Whether the run's final model is complete (written and verified). */
    private static boolean trained(Path dir) {
        Path model = new RunDirectory(dir).model();
        return Files.isRegularFile(model.resolve(Checkpoints.STATE)) && Checkpoints.verify(model).isEmpty();
    }

    /** A new run records its data by absolute path; a resumed one compares against that record. */
    private static RunConfig withAbsoluteData(RunConfig config) {
        return config.data() == null ? config : RunConfigFile.withSettings(config,
                Map.of("data", DatasetSpecs.withAbsolutePaths(config.data(), Path.of("").toAbsolutePath())), "sweep");
    }

    /** Threads each worker gets when {@code parallel} points run at a time. */
    int threadsPerWorker() {
        return SweepWorker.threadsFor(sweep.parallel());
    }

    private void runInWorkers(List<SweepPoint> pending) {
        ExecutorService pool = Executors.newFixedThreadPool(sweep.parallel());
        Progress progress = new Progress(pending.size());
        List<String> failures = new ArrayList<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepPoint p : pending) {
                futures.add(pool.submit(() -> {
                    synchronized (failures) {
                        if (!failures.isEmpty() || stopping) {
                            return null;  // after a failure or a stop, start no more points
                        }
                    }
                    messages.accept("sweep: point " + p.id() + " starts in a worker (log: " + out.relativize(log(p)) + ")");
                    int exit = runWorker(p);
                    if (exit == 0) {
                        progress.finished(p, Json.read(resultFile(p), PointResult.class));
                    } else if (!stopping) {
                        synchronized (failures) {
                            failures.add(p.id() + " (exit " + exit + "; see " + log(p) + ")");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a worker could not be started: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw new IllegalArgumentException("sweep points failed: " + String.join(", ", failures));
        }
    }

    private Path log(SweepPoint p) {
        return logFile(out, p.id());
    }

    /** Runs one point in a worker JVM with this JVM's class path and options, and waits for it. */
    private int runWorker(SweepPoint p) throws IOException, InterruptedException {
        Process process;
        synchronized (workers) {
            if (stopping) {
                return -1;
            }
            process = SweepWorker.start(out, p.id(), pluginDirectory, threadsPerWorker(), log(p));
            workers.add(process);
        }
        try {
            return process.waitFor();
        } finally {
            process.destroy();  // when this thread is interrupted, the worker goes too
            workers.remove(process);
        }
    }

    /** Reports a point's training about ten times, with its rate and ETA. */
    private final class PointProgress implements TrainingListener {
        private final String id;
        private long startStep;
        private long startNanos;
        private long every;

        PointProgress(String id) {
            this.id = id;
        }

        @Override
        public void on(TrainingEvent event) {
            if (event instanceof TrainingEvent.RunStarted e) {
                startStep = e.startStep();
                startNanos = System.nanoTime();
                every = Math.max(1, (e.totalSteps() - e.startStep()) / 10);
                messages.accept(String.format("  %s: training steps %d..%d in %s", id, e.startStep(), e.totalSteps(), e.runDirectory()));
            } else if (event instanceof TrainingEvent.StepCompleted e && (e.step() - startStep) % every == 0 && e.step() > startStep) {
                double rate = (e.step() - startStep) / ((System.nanoTime() - startNanos) / 1e9);
                long eta = Math.round((e.totalSteps() - e.step()) / rate);
                messages.accept(String.format("  %s: step %d/%d, %.1f steps/s, eta %dm%02ds", id, e.step(), e.totalSteps(), rate, eta / 60,
                        eta % 60));
            }
        }
    }

    /** Prints each finished point with the sweep's rate and ETA. */
    private final class Progress {
        private final int total;
        private final long start = System.nanoTime();
        private final AtomicInteger done = new AtomicInteger();

        Progress(int total) {
            this.total = total;
        }

        void finished(SweepPoint p, PointResult r) {
            int n = done.incrementAndGet();
            double elapsed = (System.nanoTime() - start) / 1e9;
            double eta = elapsed / n * (total - n);
            String metrics = r.metrics().entrySet().stream().limit(3).map(m -> String.format("%s %.4g", m.getKey(), m.getValue()))
                    .reduce((a, b) -> a + ", " + b).map(s -> "; " + s).orElse("");
            messages.accept(String.format("sweep: %d/%d points done (%s at step %d%s); %.1f min per point, eta %dm%02ds", n, total, p.id(),
                    r.step(), metrics, elapsed / n / 60, (long) eta / 60, (long) eta % 60));
        }
    }
}
