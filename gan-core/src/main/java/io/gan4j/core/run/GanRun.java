package io.gan4j.core.run;

import io.gan4j.core.config.PluginProvenance;
import io.gan4j.core.config.RunRecord;
import io.gan4j.core.config.RunSpec;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.event.MetricsLog;
import io.gan4j.core.io.RunLock;
import io.gan4j.core.event.TrainingListener;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.monitor.MonitorContext;
import io.gan4j.core.monitor.MonitorFactory;
import io.gan4j.core.spi.Options;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.train.GanTrainer;
import io.gan4j.core.train.RunDirectory;
import io.gan4j.core.train.TrainingSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@code GanRun} is a resolved and checked training run, made by {@link RunBuilder#build()}: its
 * {@link #spec()} says every setting with its effective value, and {@link #train()} trains it into
 * its run directory with the standard outputs: {@code run.json}, {@code metrics.jsonl} and {@code
 * loss.png}, sample grids, checkpoints, {@code model/}, and the monitors the spec names.
 *
 * <p>Trains once; not thread-safe.
 */
public final class GanRun {

    private final PluginRegistry registry;
    private final RunSpec spec;
    private final Dataset data;
    private final GanVariant variant;
    private final Path directory;
    private final List<PluginProvenance> plugins;
    private final List<TrainingListener> listeners;
    private final Consumer<String> messages;
    private final boolean resumed;
    private boolean trained;
    private volatile GanTrainer trainer;
    private volatile boolean stopRequested;

    GanRun(PluginRegistry registry, RunSpec spec, Dataset data, GanVariant variant, Path directory, List<PluginProvenance> plugins,
            List<TrainingListener> listeners, Consumer<String> messages, boolean resumed) {
        this.registry = registry;
        this.spec = spec;
        this.data = data;
        this.variant = variant;
        this.directory = directory;
        this.plugins = List.copyOf(plugins);
        this.listeners = List.copyOf(listeners);
        this.messages = messages;
        this.resumed = resumed;
    }

    /** Returns the resolved run: every setting with its effective value. */
    public RunSpec spec() {
        return spec;
    }

    /** Returns the run directory. */
    public Path directory() {
        return directory;
    }

    /** Returns the real data the run trains on. */
    public Dataset data() {
        return data;
    }

    /**
     * Returns the record {@link #train()} writes as {@code run.json}, with the provenance of now: what a
     * dry run shows.
     */
    public RunRecord record() {
        return GanTrainer.record(spec, data, plugins);
    }

    /**
     * Returns the variant, with the run's loss, penalty, augmentation and top-k in its context; its networks
     * get weights only while {@link #train()} runs (load the result with {@link TrainedModel}).
     */
    public GanVariant variant() {
        return variant;
    }

    /**
     * Returns how many arrays the running trainer holds (see {@link GanTrainer#liveArrayCount()}), for
     * memory diagnostics from a listener; 0 when not training.
     */
    public int liveArrayCount() {
        GanTrainer running = trainer;
        return running == null ? 0 : running.liveArrayCount();
    }

    /**
     * Asks {@link #train()}, running in another thread, to stop after the step under way and save a
     * checkpoint there; {@code train()} then returns a summary marked interrupted. Does nothing when the
     * run is not training.
     */
    public void stop() {
        stopRequested = true;
        GanTrainer running = trainer;
        if (running != null) {
            running.requestStop();
        }
    }

    /** Checks, now that this process owns the directory, that no other run was started in it meanwhile. */
    private GanTrainer newTrainer(RunDirectory dir) {
        if (!resumed && Files.exists(dir.runFile())) {
            throw new IllegalArgumentException("run directory " + directory + " already holds a run (started while this one was"
                    + " being set up); resume it or choose another output");
        }
        return new GanTrainer(spec, variant, data, directory, plugins).onMessage(messages);
    }

    /**
     * Trains the run to its budget, resuming from the run directory's newest checkpoint when there is one.
     *
     * @return how the run ended
     * @throws IllegalStateException when called a second time
     */
    public TrainingSummary train() {
        if (trained) {
            throw new IllegalStateException("this run was trained already; build another to train again");
        }
        trained = true;
        RunDirectory dir = new RunDirectory(directory);
        List<AutoCloseable> monitors = new ArrayList<>();
        try (RunLock lock = RunLock.acquire(directory, "training");
                GanTrainer trainer = newTrainer(dir);
                MetricsLog log = new MetricsLog(dir.metricsLog(), dir.lossChart(), spec.training().logEvery(), messages)) {
            data.writeRunFiles(directory);
            MonitorContext context = new MonitorContext(trainer, data,
                    name -> registry.createFeatureNetwork(name, Map.of(), data.sampleShape()), messages);
            for (Map.Entry<String, Map<String, String>> m : spec.monitors().entrySet()) {
                MonitorFactory factory = registry.monitor(m.getKey());
                if (factory.enabled(m.getValue())) {
                    TrainingListener monitor = factory.create(
                            Options.resolve("monitor '" + m.getKey() + "'", factory.options(), m.getValue()), context);
                    trainer.addListener(monitor);
                    if (monitor instanceof AutoCloseable closeable) {
                        monitors.add(closeable);
                    }
                }
            }
            trainer.addListener(log);
            listeners.forEach(trainer::addListener);
            this.trainer = trainer;
            if (stopRequested) {  // asked before the trainer existed
                trainer.requestStop();
            }
            return trainer.train();
        } finally {
            this.trainer = null;
            for (AutoCloseable monitor : monitors) {
                try {
                    monitor.close();
                } catch (Exception e) {
                    messages.accept("cannot close a monitor: " + e.getMessage());
                }
            }
        }
    }
}
