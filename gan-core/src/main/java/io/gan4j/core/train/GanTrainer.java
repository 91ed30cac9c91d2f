package io.gan4j.core.train;

import io.gan4j.core.engine.DeviceChoice;
import io.gan4j.core.config.PluginProvenance;
import io.gan4j.core.config.RunProvenance;
import io.gan4j.core.config.RunRecord;
import io.gan4j.core.config.RunResume;
import io.gan4j.core.media.MediaProvenance;
import io.gan4j.core.config.TrainingConfig;
import io.gan4j.core.config.Regularization;
import io.gan4j.core.config.RunSpec;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.engine.EngineSupport;
import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.event.TrainingListener;
import io.gan4j.core.io.Json;
import io.gan4j.core.layer.StandingStatistics;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.Network;
import io.gan4j.core.model.OptimizerGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Objects;

/**
 * A {@code GanTrainer} runs the adversarial training loop of one {@link GanVariant} over a run
 * directory: it initializes the networks, creates one {@link AdamOptimizer} per optimizer group,
 * calls the variant's step with a step-scoped {@link io.gan4j.core.model.StepContext}, and tells its
 * listeners. Its standard outputs are listeners too, notified after the others: sample grids
 * ({@code SampleGrids}), checkpoints ({@code CheckpointWriter}) and the final model ({@code ModelExport}).
 * {@link io.gan4j.core.run.RunBuilder} adds the metrics log and the monitors.
 *
 * <p>If the run directory already holds a checkpoint of the same run, training resumes from it and
 * continues exactly as if it had never stopped (same data order, noise, optimizer state). Every
 * array a step creates is released when the step ends, so memory stays flat.
 *
 * <p>With {@link TrainingConfig#emaDecay()} set, the trainer keeps a moving average of the generator's
 * weights; sample grids, {@code model/} and {@link #withSamplingWeights} use it, with batch-norm
 * statistics measured anew for the averaged weights ({@link StandingStatistics}, from fixed noise;
 * {@link TrainingConfig#standingSamplesFor} says how many samples).
 *
 * <p>Not thread-safe; one trainer per run. Closing it releases the networks' native memory.
 */
public final class GanTrainer implements AutoCloseable {

    private static final String VARIANT_STATE = "variant/";

    private final RunSpec spec;
    private final List<PluginProvenance> plugins;
    private final GanVariant variant;
    private final Dataset data;
    private final RunDirectory dir;
    private final TrainingConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final List<TrainingListener> outputs = List.of(new SampleGrids(this), new CheckpointWriter(this), new ModelExport(this));
    private final NDManager manager;
    private final Map<String, AdamOptimizer> optimizers = new LinkedHashMap<>();
    private GeneratorAverage average;
    private Map<String, NDArray> variantState = Map.of();
    private long currentStep;
    private Consumer<String> messages = m -> { };
    private volatile boolean stopRequested;
    private String runId;
    private DataCursor cursor;

    /**
     * Creates a trainer; nothing is initialized or written until {@link #train()}.
     *
     * @param spec what the run is; written to {@code run.json}
     * @param variant the variant, with uninitialized networks
     * @param data the real data
     * @param runDirectory where the run lives
     */
    public GanTrainer(RunSpec spec, GanVariant variant, Dataset data, Path runDirectory) {
        this(spec, variant, data, runDirectory, List.of());
    }

    /**
     * Creates a trainer that records where its plugins came from in {@code run.json}; nothing is
     * initialized or written until {@link #train()}.
     *
     * @param spec what the run is; written to {@code run.json}
     * @param variant the variant, with uninitialized networks
     * @param data the real data
     * @param runDirectory where the run lives
     * @param plugins the provenance of the plugins the run uses
     */
    public GanTrainer(RunSpec spec, GanVariant variant, Dataset data, Path runDirectory, List<PluginProvenance> plugins) {
        this.plugins = List.copyOf(plugins);
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.variant = Objects.requireNonNull(variant, "variant is null");
        this.data = Objects.requireNonNull(data, "data is null");
        this.dir = new RunDirectory(Objects.requireNonNull(runDirectory, "runDirectory is null"));
        this.config = spec.training();
        check(spec, variant, data);
        this.manager = DeviceChoice.newBaseManager();
    }

    /**
     * Checks, before anything is initialized or written, that {@code spec} can train {@code variant} on
     * {@code data}: a batch is no larger than the data; learning rates and frozen groups name the
     * variant's optimizer groups and leave one to train; a weight average has a generator to average; a
     * run to start from ({@link RunSpec#initFrom()}) has weights that share a network with the variant.
     *
     * @throws IllegalArgumentException naming the setting at fault
     */
    public static void check(RunSpec spec, GanVariant variant, Dataset data) {
        TrainingConfig config = spec.training();
        if (config.batchSize() > data.size()) {
            throw new IllegalArgumentException("batch size " + config.batchSize() + " exceeds the " + data.size()
                    + " samples of " + data.description());
        }
        List<String> groups = variant.optimizerGroups().stream().map(OptimizerGroup::name).toList();
        checkGroups(config.learningRates().keySet(), groups, "learning rate given for unknown optimizer group");
        checkGroups(config.frozen(), groups, "cannot freeze unknown optimizer group");
        if (spec.regularization().weightClip() > 0 && !groups.contains(Regularization.CLIPPED_GROUP)) {
            throw new IllegalArgumentException("weightClip (--weight-clip) clips the '" + Regularization.CLIPPED_GROUP + "' optimizer group;"
                    + " variant '" + spec.variant() + "' has " + groups);
        }
        if (config.frozen().containsAll(groups)) {
            throw new IllegalArgumentException("every optimizer group is frozen " + groups + ": nothing would train");
        }
        if (config.emaDecay() > 0 && variant.generator().isEmpty()) {
            throw new IllegalArgumentException("a generator weight average (emaDecay, --ema) needs a variant with a generator; '"
                    + spec.variant() + "' has none");
        }
        if (spec.initFrom() != null) {
            checkSharesNetworks(Path.of(spec.initFrom()), spec.variant(), variant);
        }
    }

    private static void checkGroups(Set<String> asked, List<String> groups, String problem) {
        for (String group : asked) {
            if (!groups.contains(group)) {
                throw new IllegalArgumentException(problem + " '" + group + "'; this variant has " + groups);
            }
        }
    }

    /** Refuses a run to start from another that is not a run, has no weights yet, or shares no network with the variant. */
    private static void checkSharesNetworks(Path source, String variantName, GanVariant variant) {
        RunDirectory run = new RunDirectory(source);
        if (!Files.isRegularFile(run.runFile())) {
            throw new IllegalArgumentException("initFrom (--init-from) " + source + " is not a run directory (no run.json)");
        }
        // The weights start() will copy: the best that verify (start() reports what it passes over).
        Set<String> stored = RunDirectory.readFirst(run.weightCandidates(), w -> Checkpoints.networksIn(w.resolve(Checkpoints.NETWORKS)),
                skipped -> { }).orElseThrow(() -> new IllegalArgumentException(
                "initFrom (--init-from) " + source + ": no readable trained weights there (model/ or checkpoints/)"));
        List<String> networks = variant.networks().stream().map(Network::name).toList();
        if (networks.stream().noneMatch(stored::contains)) {
            throw new IllegalArgumentException("initFrom (--init-from) " + source + ": the run shares no network with variant '"
                    + variantName + "', whose networks are " + networks + " (the run has " + stored + ")");
        }
    }

    /**
     * Sets where the trainer reports what a user should know that is not an event (a damaged checkpoint
     * it passed over, temporary files it removed); by default nowhere.
     *
     * @param sink takes one line per message
     * @return this trainer
     */
    public GanTrainer onMessage(Consumer<String> sink) {
        this.messages = Objects.requireNonNull(sink, "sink is null");
        return this;
    }

    /**
     * Asks a running {@link #train()} to stop after the step under way: it saves a checkpoint at that step
     * (so the run resumes exactly) and returns early. Safe to call from any thread, e.g. a signal handler.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /** Adds a listener; events arrive on the training thread, in order. */
    public GanTrainer addListener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener is null"));
        return this;
    }

    /** Returns the variant being trained (its networks are initialized once training started). */
    public GanVariant variant() {
        return variant;
    }

    /**
     * Trains up to {@code spec.training().steps()}, resuming from the run directory's newest
     * checkpoint when there is one.
     *
     * @return how the run ended
     * @throws IllegalArgumentException when the run directory holds a different run
     */
    public TrainingSummary train() {
        long started = System.nanoTime();
        checkSameRun();
        Networks.initialize(variant, manager, config.seed());
        createOptimizers();
        if (config.emaDecay() > 0) {
            Generator g = variant.generator().orElseThrow();
            Map<String, Parameter> params = new LinkedHashMap<>();
            g.block().getParameters().forEach(p -> params.put(p.getKey(), p.getValue()));
            average = new GeneratorAverage(params, config.emaDecay(), manager);
        }
        variantState = variant.createTrainingState(manager);
        int removed = dir.removeAbandonedTemporaries();
        if (removed > 0) {
            messages.accept("removed " + removed + " temporary file(s) that interrupted writes left in " + dir.root());
        }
        List<Path> checkpoints = dir.checkpointsNewestFirst();
        Checkpoints.State state = checkpoints.isEmpty() ? start()
                : RunDirectory.readFirst(checkpoints, this::restore, messages).orElseThrow(() -> new IllegalArgumentException(
                        "none of the " + checkpoints.size() + " checkpoints in " + dir.checkpoints() + " can be read (see above);"
                        + " nothing to resume from: start the run again in another directory"));
        if (state.step() > config.steps()) {
            throw new IllegalArgumentException("run " + dir.root() + " is at step " + state.step() + "; a budget of " + config.steps()
                    + " steps would relabel its weights, so it can only be kept or extended");
        }
        writeRunFile(state.step());
        cursor = new DataCursor(data.size(), config.seed(), state.epoch(), state.position());
        long total = config.steps();
        notify(new TrainingEvent.RunStarted(spec, dir.root(), state.step(), total, stepsPerEpoch()));

        ParameterStore store = new ParameterStore(manager, false);
        EngineSupport engine = EngineSupport.forEngine(manager.getEngine().getEngineName());
        List<Parameter> trainable = optimizers.values().stream().flatMap(o -> o.parameters().values().stream()).toList();
        float[] batchBuffer = new float[Math.toIntExact(config.batchSize() * data.sampleShape().size())];
        DivergenceGuard divergence = new DivergenceGuard();
        Map<String, Float> losses = Map.of();
        for (long step = state.step(); step < total; step++) {
            if (stopRequested) {
                notify(new TrainingEvent.Interrupted(step));
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                notify(new TrainingEvent.RunFinished(step, elapsed, dir.model()));
                return new TrainingSummary(state.step(), step, elapsed, losses, dir.model(), true);
            }
            long t0 = System.nanoTime();
            // Re-seeding per step makes engine-side randomness (dropout) a function of the step, so resume is exact.
            Engine.getInstance().setRandomSeed(Seeds.engineSeed(config.seed(), Seeds.ENGINE, step));
            try (NDManager stepManager = manager.newSubManager()) {
                StepScope scope = new StepScope(step, stepManager, store, config, data, cursor, optimizers, trainable, engine, batchBuffer,
                        divergence);
                losses = Map.copyOf(variant.trainStep(scope));
            }
            if (average != null) {
                average.update();
            }
            long done = step + 1;
            currentStep = done;
            double seconds = (System.nanoTime() - t0) / 1e9;
            double imagesPerSecond = config.batchSize() * (double) config.discriminatorSteps() / seconds;
            notify(new TrainingEvent.StepCompleted(done, total, cursor.epoch(), losses, seconds * 1000, imagesPerSecond));
        }
        notify(new TrainingEvent.BudgetReached(total));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        notify(new TrainingEvent.RunFinished(total, elapsed, dir.model()));
        return new TrainingSummary(state.step(), total, elapsed, losses, dir.model(), false);
    }

    private int stepsPerEpoch() {
        return Math.max(1, data.size() / config.batchSize() / config.discriminatorSteps());
    }

    /** Refuses a run directory that holds another run. */
    private void checkSameRun() {
        if (Files.isRegularFile(dir.runFile())) {
            RunSpec was = Json.read(dir.runFile(), RunRecord.class).spec();
            // Option maps, monitors and the engine are compared by RunBuilder, which resolves older records' defaults first.
            if (!was.variant().equals(spec.variant()) || !was.loss().equals(spec.loss()) || !was.data().equals(spec.data())
                    || !was.regularization().equals(spec.regularization()) || !was.training().withSteps(config.steps()).equals(config)) {
                throw new IllegalArgumentException("run directory " + dir.root() + " holds a different run (see its run.json);"
                        + " resume it with the same settings or choose a new output directory");
            }
        }
    }

    /**
     * Writes {@code run.json}: a new run's record, or a resumed run's with its creation provenance kept and
     * this continuation appended.
     */
    private void writeRunFile(long fromStep) {
        RunRecord now = record(spec, data, plugins);
        RunRecord written = Files.isRegularFile(dir.runFile())
                ? Json.read(dir.runFile(), RunRecord.class).resumed(spec, new RunResume(fromStep, config.steps(), now.provenance()))
                : now;
        Json.write(dir.runFile(), written);
        runId = written.runId(dir.root());
    }

    /**
     * Returns the provenance of media the run's networks make now (sample grids): its generator's weights,
     * or every network's when it has no generator.
     */
    MediaProvenance mediaProvenance(long step, long seed) {
        List<ai.djl.nn.Block> networks = variant.generator().map(g -> List.of(g.block()))
                .orElseGet(() -> variant.networks().stream().map(Network::block).toList());
        return MediaProvenance.of(spec.variant(), runId, networks, step, seed);
    }

    /** Returns the {@code run.json} record of {@code spec} on {@code data}, with the provenance of now. */
    public static RunRecord record(RunSpec spec, Dataset data, List<PluginProvenance> plugins) {
        return new RunRecord(spec, data.sampleShape().getShape(), data.numClasses(), RunProvenance.current(data.description(), data.size()),
                data.numClasses() > 0 ? data.classCounts() : null, plugins, List.of());
    }

    private void createOptimizers() {
        Map<String, Parameter> all = Networks.parameters(variant);
        for (OptimizerGroup group : variant.optimizerGroups()) {
            Map<String, Parameter> params = new LinkedHashMap<>();
            all.forEach((name, p) -> {
                String network = name.substring(0, name.indexOf('/'));
                if (group.networks().contains(network) && p.requiresGradient()) {
                    params.put(name, p);
                }
            });
            if (params.isEmpty()) {
                throw new IllegalStateException("optimizer group '" + group.name() + "' has no trainable parameters");
            }
            AdamOptimizer optimizer = new AdamOptimizer(group.name(), params, config.adamFor(group.name()), manager);
            if (group.name().equals(Regularization.CLIPPED_GROUP)) {
                optimizer.clipWeights(spec.regularization().weightClip());
            }
            optimizers.put(group.name(), optimizer);
        }
    }

    /** Starts a new run: from the networks of {@code spec.initFrom()} when it names a run. */
    private Checkpoints.State start() {
        if (spec.initFrom() != null) {
            // check() made sure the run has weights that share a network with this variant.
            RunDirectory source = new RunDirectory(Path.of(spec.initFrom()));
            RunDirectory.readFirst(source.weightCandidates(), weights -> {
                Checkpoints.restoreSharedNetworks(weights.resolve(Checkpoints.NETWORKS), variant, manager);
                return weights;
            }, messages).orElseThrow(() -> new IllegalArgumentException("initFrom (--init-from) " + source.root()
                    + ": none of its weights can be read (see above)"));
            if (average != null) {
                // The average was taken of the random initialization; it starts at the copied weights instead.
                average.restart();
            }
        }
        return new Checkpoints.State(0, 0, 0, Map.of());
    }

    private Checkpoints.State restore(Path checkpoint) {
        Checkpoints.State state = Checkpoints.readState(checkpoint);
        Checkpoints.restoreNpz(checkpoint.resolve(Checkpoints.NETWORKS), Networks.arrays(variant), manager);
        Checkpoints.restoreNpz(checkpoint.resolve(Checkpoints.OPTIMIZERS), trainingArrays(), manager);
        optimizers.forEach((name, o) -> o.restoreUpdates(state.optimizerUpdates().getOrDefault(name, 0L)));
        return state;
    }

    /**
     * Returns the optimizer state, the generator average and the variant's own training state (kept
     * together: all are training state, not weights).
     */
    Map<String, NDArray> trainingArrays() {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        optimizers.forEach((group, o) -> o.state().forEach((k, v) -> arrays.put(group + ":" + k, v)));
        if (average != null) {
            arrays.putAll(average.arrays());
        }
        variantState.forEach((k, v) -> arrays.put(VARIANT_STATE + k, v));
        return arrays;
    }

    /** Returns the counters a checkpoint or model after {@code step} steps records. */
    Checkpoints.State stateAt(long step) {
        Map<String, Long> updates = new HashMap<>();
        optimizers.forEach((name, o) -> updates.put(name, o.updates()));
        return new Checkpoints.State(step, cursor.epoch(), cursor.position(), updates);
    }

    /**
     * Runs {@code action} with the generator weights samples should come from: the moving average when
     * the run keeps one ({@link TrainingConfig#emaDecay()}), else the trained weights. Listeners that
     * sample or evaluate during training call this.
     */
    public void withSamplingWeights(Runnable action) {
        if (average == null) {
            action.run();
        } else {
            Generator g = variant.generator().orElseThrow();
            average.withAveragedWeights(() -> {
                int samples = config.standingSamplesFor(g.sampleShape().dimension());
                StandingStatistics.recompute(g.block(), () -> Sampling.forEachChunk(g, samples,
                        Seeds.mix(config.seed(), Seeds.STANDING_STATISTICS), manager, chunk -> { }));
                action.run();
            });
        }
    }

    /** Sends an event to the listeners, then to the standard outputs (which write what the listeners' step lines describe). */
    private void notify(TrainingEvent event) {
        for (TrainingListener l : listeners) {
            l.on(event);
        }
        for (TrainingListener output : outputs) {
            output.on(event);
        }
    }

    /** Sends an event an output produced (a checkpoint or picture written) to the listeners only. */
    void publish(TrainingEvent event) {
        for (TrainingListener l : listeners) {
            l.on(event);
        }
    }

    /**
     * Records a value measured during training (by a listener, for example): every listener receives
     * it as a {@link TrainingEvent.MetricMeasured} at the current step, and the metrics log stores it.
     */
    public void record(String name, double value) {
        notify(new TrainingEvent.MetricMeasured(currentStep, name, value));
    }

    /**
     * Writes the current weights atomically to {@code name/} in the run directory (e.g. {@code best}),
     * in the layout of {@code model/}, so {@link io.gan4j.core.run.TrainedModel} and {@code gan sample} can use them.
     */
    public Path saveWeights(String name) {
        Path target = dir.root().resolve(name);
        ModelExport.write(this, target, new Checkpoints.State(currentStep, 0, 0, Map.of()));
        return target;
    }

    /** Returns the run directory. */
    public RunDirectory runDirectory() {
        return dir;
    }

    TrainingConfig config() {
        return config;
    }

    Dataset data() {
        return data;
    }

    NDManager manager() {
        return manager;
    }

    /**
     * Returns how many arrays the trainer's long-lived manager holds (its sub-managers included):
     * parameters, gradients and optimizer state. Constant during training when steps are scoped.
     */
    public int liveArrayCount() {
        return manager.getManagedArrays().size();
    }

    @Override
    public void close() {
        manager.close();
    }
}
