package io.gan4j.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gan4j.core.config.AdamConfig;
import io.gan4j.core.config.Regularization;
import io.gan4j.core.config.RunConfig;
import io.gan4j.core.config.RunConfigFile;
import io.gan4j.core.config.RunRecord;
import io.gan4j.core.config.RunSpec;
import io.gan4j.core.config.TrainingConfig;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.data.DatasetSpecs;
import io.gan4j.core.engine.DeviceChoice;
import io.gan4j.core.engine.EngineChoice;
import io.gan4j.core.event.TrainingListener;
import io.gan4j.core.io.Json;
import io.gan4j.core.loss.TopK;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.monitor.MonitorFactory;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.train.GanTrainer;
import io.gan4j.core.train.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A {@code RunBuilder} assembles a training run: the one place that resolves every default, checks the
 * whole run before anything is written, and attaches the standard outputs. The command line, the
 * benchmarks and Java programs all build their runs here.
 *
 * <p>Following DJL's convention, {@code set…} methods give required values and {@code opt…} methods
 * optional ones; every {@code opt…} left out takes the default {@code gan train --help} shows, and
 * {@link #optConfig} takes any subset of settings from a {@link RunConfig} (a config file or an earlier
 * {@code run.json}), which later calls override:
 * <pre>{@code
 * PluginRegistry plugins = Plugins.discover(null);
 * GanRun run = RunBuilder.create(plugins).setVariant("dcgan").optSteps(1500).setOutput(Path.of("runs/demo")).build();
 * run.train();
 * }</pre>
 *
 * <p>{@link #resume} continues a run from its newest checkpoint; a setting that differs from the
 * run's record is refused with the list of differences, except a larger budget, which extends the run.
 *
 * <p>Not thread-safe; build once.
 */
public final class RunBuilder {

    /** The step budget of a run that sets neither steps nor epochs. */
    public static final long DEFAULT_STEPS = 1500;
    /** The data of a run that names none: the embedded MNIST test split. */
    public static final String DEFAULT_DATA = "mnist";
    /** The scheme of two image domains served as unrelated images (gan-data). */
    private static final String UNPAIRED_DATA = "unpaired:";
    /** The scheme of two image domains aligned by index (gan-data). */
    private static final String PAIRED_DATA = "paired:";
    /** The default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 64;
    /** The default seed. */
    public static final long DEFAULT_SEED = 0;
    /** Adam's default learning rate (Radford et al.'s DCGAN). */
    public static final double DEFAULT_LEARNING_RATE = 2e-4;
    /** Adam's default β1 (Radford et al.'s DCGAN). */
    public static final double DEFAULT_BETA1 = 0.5;
    /** Adam's default β2. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** Default steps per metrics-log line. */
    public static final int DEFAULT_LOG_EVERY = 10;
    /** Default steps between sample grids. */
    public static final int DEFAULT_SAMPLE_EVERY = 250;
    /** Default steps between checkpoints. */
    public static final int DEFAULT_CHECKPOINT_EVERY = 500;
    /** Default number of checkpoints kept. */
    public static final int DEFAULT_KEEP_CHECKPOINTS = 3;

    private final PluginRegistry registry;
    private final RunRecord resumed;
    private final ObjectNode settings;
    private Path output;
    private Dataset dataset;
    private String domainA;
    private String domainB;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Consumer<String> messages = line -> System.getLogger(RunBuilder.class.getName()).log(System.Logger.Level.WARNING, line);

    private RunBuilder(PluginRegistry registry, RunRecord resumed, Path output) {
        this.registry = Objects.requireNonNull(registry, "registry is null");
        this.resumed = resumed;
        this.output = output;
        this.settings = resumed == null ? Json.MAPPER.createObjectNode() : (ObjectNode) Json.MAPPER.valueToTree(resumed.spec());
    }

    /** Returns a builder of a new run from the given plugins. */
    public static RunBuilder create(PluginRegistry registry) {
        return new RunBuilder(registry, null, null);
    }

    /**
     * Returns a builder that continues the run in {@code runDirectory} with its recorded settings.
     *
     * @throws IllegalArgumentException when the directory holds no run
     */
    public static RunBuilder resume(PluginRegistry registry, Path runDirectory) {
        Path file = new RunDirectory(runDirectory).runFile();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot resume " + runDirectory + ": it holds no run (no run.json)");
        }
        return new RunBuilder(registry, Json.read(file, RunRecord.class), runDirectory);
    }

    /** Takes every setting {@code config} gives (a config file, or an earlier run.json's spec); later calls override them. */
    public RunBuilder optConfig(RunConfig config) {
        merge(settings, Json.MAPPER.valueToTree(config));
        if (config.training() != null && config.training().epochs() != null) {
            training().remove("steps");
        } else if (config.training() != null && config.training().steps() != null) {
            training().remove("epochs");
        }
        return this;
    }

    /** Reads a YAML or JSON config file (or a run.json) and takes its settings, see {@link #optConfig(RunConfig)}. */
    public RunBuilder optConfig(Path file) {
        return optConfig(RunConfigFile.read(file));
    }

    /** Sets the variant plugin, e.g. {@code dcgan}. */
    public RunBuilder setVariant(String name) {
        settings.put("variant", name);
        return this;
    }

    /** Sets a variant option, e.g. {@code width=64}. */
    public RunBuilder optVariantOption(String name, String value) {
        settings.withObject("/variantOptions").put(name, value);
        return this;
    }

    /** Sets the dataset spec (default {@code mnist}, the embedded digits). */
    public RunBuilder optData(String spec) {
        settings.put("data", spec);
        domainA = null;
        domainB = null;
        return this;
    }

    /**
     * Sets the data to two image domains for a translation variant: {@code paired:A|B} when the variant
     * learns from aligned pairs ({@link GanVariantFactory#alignedDomains()}, pix2pix), else {@code
     * unpaired:A|B} (CycleGAN); replaces the data spec.
     */
    public RunBuilder optDomains(String a, String b) {
        this.domainA = Objects.requireNonNull(a, "a is null");
        this.domainB = Objects.requireNonNull(b, "b is null");
        settings.remove("data");
        return this;
    }

    /**
     * Trains on a dataset already in memory instead of one opened from a spec; the run records its
     * {@link Dataset#description()} as its data, so only a program that passes the same dataset again can
     * resume it.
     */
    public RunBuilder optDataset(Dataset dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset is null");
        settings.put("data", dataset.description());
        return this;
    }

    /** Sets the loss plugin (default: the variant's, {@code ns} for most). */
    public RunBuilder optLoss(String name) {
        settings.put("loss", name);
        return this;
    }

    /** Sets a loss option. */
    public RunBuilder optLossOption(String name, String value) {
        settings.withObject("/lossOptions").put(name, value);
        return this;
    }

    /** Sets the discriminator penalty plugin, e.g. {@code wgan-gp} (default {@code none}). */
    public RunBuilder optPenalty(String name) {
        regularization().put("penalty", name);
        return this;
    }

    /** Sets a penalty option, e.g. {@code weight=10}. */
    public RunBuilder optPenaltyOption(String name, String value) {
        regularization().withObject("/penaltyOptions").put(name, value);
        return this;
    }

    /** Sets the DiffAugment policies applied to everything D sees, e.g. {@code color,translation} (default none). */
    public RunBuilder optAugment(String policies) {
        regularization().put("augment", policies);
        return this;
    }

    /** Clips the discriminator's weights to [-c, c] after each of its updates (WGAN's constraint; 0: off). */
    public RunBuilder optWeightClip(double c) {
        regularization().put("weightClip", c);
        return this;
    }

    /** Sets top-k generator updates (Sinha et al. 2020): G learns from the fraction of samples D scores highest, shrinking to {@code nu} (default 1, off). */
    public RunBuilder optTopK(double nu) {
        regularization().withObject("/topK").put("nu", nu);
        return this;
    }

    /** Sets the factor by which top-k's kept fraction shrinks per epoch (default 0.99). */
    public RunBuilder optTopKGamma(double gamma) {
        regularization().withObject("/topK").put("gamma", gamma);
        return this;
    }

    /** Sets the budget in steps (default {@value #DEFAULT_STEPS}); replaces epochs. */
    public RunBuilder optSteps(long steps) {
        training().put("steps", steps).remove("epochs");
        return this;
    }

    /** Sets the budget in passes over the data, converted to steps; replaces steps. */
    public RunBuilder optEpochs(double epochs) {
        training().put("epochs", epochs).remove("steps");
        return this;
    }

    /** Sets the batch size (default 64). */
    public RunBuilder optBatchSize(int batch) {
        training().put("batchSize", batch);
        return this;
    }

    /** Sets discriminator updates per step (default: what the loss and penalty are meant for). */
    public RunBuilder optDiscriminatorSteps(int steps) {
        training().put("discriminatorSteps", steps);
        return this;
    }

    /** Sets generator updates per step (default 1). */
    public RunBuilder optGeneratorSteps(int steps) {
        training().put("generatorSteps", steps);
        return this;
    }

    /** Sets the seed of every random stream (default 0). */
    public RunBuilder optSeed(long seed) {
        training().put("seed", seed);
        return this;
    }

    /** Sets Adam's learning rate for every network (default 2e-4). */
    public RunBuilder optLearningRate(double rate) {
        adam().put("learningRate", rate);
        return this;
    }

    /** Sets one optimizer group's learning rate, e.g. {@code discriminator} (TTUR). */
    public RunBuilder optLearningRate(String group, double rate) {
        training().withObject("/learningRates").put(group, rate);
        return this;
    }

    /** Sets Adam's β1 (default 0.5). */
    public RunBuilder optBeta1(double beta1) {
        adam().put("beta1", beta1);
        return this;
    }

    /** Sets Adam's β2 (default 0.999). */
    public RunBuilder optBeta2(double beta2) {
        adam().put("beta2", beta2);
        return this;
    }

    /** Clips each network's gradients to this global L2 norm (default 0, off). */
    public RunBuilder optClipNorm(double norm) {
        adam().put("clipNorm", norm);
        return this;
    }

    /** Sets the steps over which learning rates decay linearly to 0 at the end (default: the variant's). */
    public RunBuilder optDecaySteps(long steps) {
        training().put("decaySteps", steps);
        return this;
    }

    /** Leaves these optimizer groups' networks as they are (default none). */
    public RunBuilder optFrozen(Set<String> groups) {
        var array = training().putArray("frozen");
        new java.util.TreeSet<>(groups).forEach(array::add);
        return this;
    }

    /** Keeps a moving average of G's weights with this decay for samples, evaluation and model/ (default 0, off). */
    public RunBuilder optEmaDecay(double decay) {
        training().put("emaDecay", decay);
        return this;
    }

    /** Sets the samples the averaged G's batch-norm statistics are measured from (default 0: 4000 images, 50000 vectors). */
    public RunBuilder optStandingSamples(int samples) {
        training().put("standingSamples", samples);
        return this;
    }

    /** Sets the steps per metrics-log line (default 10). */
    public RunBuilder optLogEvery(int steps) {
        training().put("logEvery", steps);
        return this;
    }

    /** Sets the steps between sample grids (default 250; 0: final only). */
    public RunBuilder optSampleEvery(int steps) {
        training().put("sampleEvery", steps);
        return this;
    }

    /** Sets the steps between checkpoints (default 500; 0: final only). */
    public RunBuilder optCheckpointEvery(int steps) {
        training().put("checkpointEvery", steps);
        return this;
    }

    /** Sets how many checkpoints to keep (default 3). */
    public RunBuilder optKeepCheckpoints(int count) {
        training().put("keepCheckpoints", count);
        return this;
    }

    /** Sets an option of a training monitor, e.g. {@code collapse-alarm} {@code every=500} or {@code fid} {@code every=1000}. */
    public RunBuilder optMonitorOption(String monitor, String name, String value) {
        settings.withObject("/monitors").withObject("/" + monitor).put(name, value);
        return this;
    }

    /** Starts the networks this variant shares by name with the trained run in {@code run}. */
    public RunBuilder optInitFrom(Path run) {
        settings.put("initFrom", run.toString());
        return this;
    }

    /** Sets the DJL engine: {@code mxnet} (default) or {@code pytorch}. */
    public RunBuilder optEngine(String name) {
        settings.put("engine", name);
        return this;
    }

    /**
     * Sets the device: {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N} (default: the engine's,
     * the first GPU when it sees one); {@link #build()} refuses a device the engine does not have.
     */
    public RunBuilder optDevice(String name) {
        settings.put("device", name);
        return this;
    }

    /** Sets the run directory (default {@code runs/VARIANT-yyyyMMdd-HHmmss}). */
    public RunBuilder setOutput(Path directory) {
        if (resumed != null && !directory.equals(output)) {
            throw new IllegalArgumentException("a resumed run stays in " + output + "; it cannot move to " + directory);
        }
        this.output = Objects.requireNonNull(directory, "directory is null");
        return this;
    }

    /** Adds a listener of the run's events, after the standard outputs. */
    public RunBuilder optListener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener is null"));
        return this;
    }

    /** Sets where monitors report what a person should see (default: the {@code System.Logger} of this class). */
    public RunBuilder optMessages(Consumer<String> sink) {
        this.messages = Objects.requireNonNull(sink, "sink is null");
        return this;
    }

    /**
     * Resolves every default, opens the data, creates the variant and checks the whole run: the engine
     * gives every plugin what it needs, the variant honours what the run asks of it, option values are
     * valid, the output holds no other run (or, resuming, the settings match the record). Nothing is
     * written.
     *
     * @return the run, ready to {@link GanRun#train() train}
     * @throws IllegalArgumentException naming the setting at fault and what was expected
     */
    public GanRun build() {
        RunConfig config = config();
        String engine = config.engine() != null ? config.engine() : EngineChoice.current();
        EngineChoice.use(engine);
        if (config.device() != null) {
            DeviceChoice.use(config.device());
        }
        if (config.variant() == null) {
            throw new IllegalArgumentException("no variant given (e.g. dcgan); the variants are: "
                    + String.join(", ", registry.variants().keySet()));
        }
        RunConfig.Training t = or(config.training(), RunConfig.Training.NONE);
        long seed = or(t.seed(), DEFAULT_SEED);
        GanVariantFactory factory = registry.variant(config.variant());
        String given = domainA == null ? config.data()
                : (factory.alignedDomains() ? PAIRED_DATA : UNPAIRED_DATA) + domainA + "|" + domainB;
        if (factory.alignedDomains() && given != null && given.startsWith(UNPAIRED_DATA)) {
            throw new IllegalArgumentException("variant '" + config.variant() + "' learns from aligned pairs; give --a SPEC --b SPEC"
                    + " or data " + PAIRED_DATA + "A|B, not " + UNPAIRED_DATA + "A|B");
        }
        // A new run records its data by absolute paths, so it can be resumed and evaluated from anywhere.
        String data = resumed != null ? or(given, DEFAULT_DATA)
                : DatasetSpecs.withAbsolutePaths(or(given, DEFAULT_DATA), Path.of("").toAbsolutePath());
        Dataset dataset = this.dataset != null ? this.dataset : registry.openDataset(data, seed);
        String loss = or(config.loss(), factory.defaultLoss());
        RunConfig.Regularization r = or(config.regularization(), RunConfig.Regularization.NONE);
        String penalty = or(r.penalty(), Regularization.NO_PENALTY);
        int dSteps = or(t.discriminatorSteps(), registry.discriminatorSteps(config.variant(), loss, penalty));
        TrainingConfig training = training(t, dSteps, dataset, factory);
        Regularization regularization = regularization(r, penalty);
        RunSpec spec = new RunSpec(config.variant(),
                resolved("variant '" + config.variant() + "'", factory.options(), or(config.variantOptions(), Map.of())),
                loss, resolved("loss '" + loss + "'", registry.loss(loss).options(), or(config.lossOptions(), Map.of())),
                data, training, regularization, config.initFrom(), Map.of(), engine);
        registry.checkTrainable(spec);
        GanVariant variant = registry.createVariant(spec, dataset);
        GanTrainer.check(spec, variant, dataset);
        spec = new RunSpec(spec.variant(), spec.variantOptions(), spec.loss(), spec.lossOptions(), spec.data(), spec.training(),
                spec.regularization(), spec.initFrom(), monitors(or(config.monitors(), Map.of()), spec.variant(), variant, dataset), engine);
        Path dir = output != null ? output : Path.of("runs", config.variant() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (resumed == null && Files.exists(new RunDirectory(dir).runFile())) {
            throw new IllegalArgumentException("run directory " + dir + " already holds a run; resume it or choose another output");
        }
        if (resumed != null) {
            checkSameRun(spec);
        }
        return new GanRun(registry, spec, dataset, variant, dir, registry.provenance(spec), listeners, messages, resumed != null);
    }

    /** Resolves the training section: defaults, the budget in steps (from epochs if given), the variant's decay. */
    private static TrainingConfig training(RunConfig.Training t, int dSteps, Dataset dataset, GanVariantFactory factory) {
        RunConfig.Adam a = or(t.adam(), RunConfig.Adam.NONE);
        AdamConfig adam = new AdamConfig(or(a.learningRate(), DEFAULT_LEARNING_RATE), or(a.beta1(), DEFAULT_BETA1),
                or(a.beta2(), DEFAULT_BETA2), or(a.epsilon(), 1e-8), or(a.clipNorm(), 0.0));
        if (t.standingSamples() != null && t.standingSamples() != 0 && or(t.emaDecay(), 0.0) == 0) {
            throw new IllegalArgumentException("standingSamples (--standing-samples) measures the generator average's statistics;"
                    + " it needs emaDecay (--ema) > 0");
        }
        if (t.generatorSteps() != null && t.generatorSteps() < 1) {
            throw new IllegalArgumentException("generatorSteps (--g-steps) must be >= 1, was " + t.generatorSteps());
        }
        TrainingConfig training = new TrainingConfig(1, or(t.batchSize(), DEFAULT_BATCH_SIZE), dSteps, or(t.seed(), DEFAULT_SEED), adam,
                or(t.learningRates(), Map.of()), or(t.logEvery(), DEFAULT_LOG_EVERY), or(t.sampleEvery(), DEFAULT_SAMPLE_EVERY),
                or(t.checkpointEvery(), DEFAULT_CHECKPOINT_EVERY), or(t.keepCheckpoints(), DEFAULT_KEEP_CHECKPOINTS),
                or(t.emaDecay(), 0.0), 0, or(t.standingSamples(), 0), or(t.generatorSteps(), 1), or(t.frozen(), Set.of()));
        long steps = t.epochs() != null ? stepsOf(t.epochs(), dataset, training) : or(t.steps(), DEFAULT_STEPS);
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be > 0, was " + steps);
        }
        long decay = or(t.decaySteps(), Math.round(steps * factory.learningRateDecayFraction()));
        if (decay < 0 || decay > steps) {
            throw new IllegalArgumentException("decaySteps (--lr-decay-steps) must be in 0.." + steps + " (the budget), was " + decay);
        }
        return training.withSteps(steps).withDecaySteps(decay);
    }

    /** Resolves the regularization section: the penalty's options with their defaults, top-k's defaults. */
    private Regularization regularization(RunConfig.Regularization r, String penalty) {
        TopK topK;
        try {
            RunConfig.TopK k = or(r.topK(), RunConfig.TopK.NONE);
            topK = new TopK(or(k.nu(), 1.0), or(k.gamma(), TopK.DEFAULT_GAMMA));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("topK (--top-k / --top-k-gamma): " + e.getMessage(), e);
        }
        Map<String, String> given = or(r.penaltyOptions(), Map.of());
        Map<String, String> penaltyOptions = penalty.equals(Regularization.NO_PENALTY) ? given
                : resolved("penalty '" + penalty + "'", registry.penalty(penalty).options(), given);
        return new Regularization(penalty, penaltyOptions, or(r.augment(), ""), topK, or(r.weightClip(), 0.0));
    }

    /** Returns the settings given so far as a config (what {@link #build} resolves). */
    public RunConfig config() {
        try {
            return Json.MAPPER.treeToValue(settings, RunConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("invalid settings: " + e.getOriginalMessage(), e);
        }
    }

    private static long stepsOf(double epochs, Dataset data, TrainingConfig training) {
        if (!(epochs > 0)) {
            throw new IllegalArgumentException("epochs must be > 0, was " + epochs);
        }
        long perEpoch = Math.max(1, data.size() / ((long) training.batchSize() * training.discriminatorSteps()));
        return Math.max(1, (long) Math.ceil(epochs * perEpoch));
    }

    /** Resolves every registered monitor that applies to the variant; options given to one that does not are refused. */
    private Map<String, Map<String, String>> monitors(Map<String, Map<String, String>> given, String variantName, GanVariant variant,
            Dataset data) {
        given.keySet().forEach(registry::monitor);
        Map<String, Map<String, String>> resolved = new TreeMap<>();
        for (MonitorFactory monitor : registry.monitors().values()) {
            Map<String, String> options = monitor.resolve(given.getOrDefault(monitor.name(), Map.of()), data.sampleShape());
            if (!monitor.appliesTo(variant)) {
                if (given.containsKey(monitor.name()) && monitor.enabled(options)) {
                    throw new IllegalArgumentException("monitor '" + monitor.name() + "' cannot watch variant '" + variantName
                            + "'; drop its options " + given.get(monitor.name()).keySet());
                }
                continue;
            }
            resolved.put(monitor.name(), options);
        }
        return resolved;
    }

    /** Refuses a resumed run whose settings differ from its record, except a larger budget. */
    private void checkSameRun(RunSpec spec) {
        RunSpec recorded = completed(resumed.spec(), spec);
        long recordedSteps = recorded.training().steps();
        if (spec.training().steps() < recordedSteps) {
            throw new IllegalArgumentException("run " + output + " has a budget of " + recordedSteps + " steps; a resumed run can extend"
                    + " it, not cut it to " + spec.training().steps());
        }
        RunSpec comparable = spec.withTraining(spec.training().withSteps(recordedSteps));
        List<String> differences = new ArrayList<>();
        diff("", Json.MAPPER.valueToTree(recorded), Json.MAPPER.valueToTree(comparable), differences);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("run " + output + " was recorded with other settings; a resumed run keeps them (only a"
                    + " larger budget is allowed): " + String.join("; ", differences));
        }
    }

    /**
     * Returns a record written by an earlier version as this version would write it: options with their
     * defaults, and the monitors and engine (not recorded then) as the resumed run resolves them.
     */
    private RunSpec completed(RunSpec recorded, RunSpec now) {
        Regularization r = recorded.regularization();
        Regularization regularization = !r.hasPenalty() ? r : new Regularization(r.penalty(),
                resolved("penalty '" + r.penalty() + "'", registry.penalty(r.penalty()).options(), r.penaltyOptions()), r.augment(), r.topK(),
                r.weightClip());
        return new RunSpec(recorded.variant(),
                resolved("variant '" + recorded.variant() + "'", registry.variant(recorded.variant()).options(), recorded.variantOptions()),
                recorded.loss(), resolved("loss '" + recorded.loss() + "'", registry.loss(recorded.loss()).options(), recorded.lossOptions()),
                recorded.data(), recorded.training(), regularization, recorded.initFrom(),
                recorded.monitors().isEmpty() ? now.monitors() : recorded.monitors(), recorded.engine() == null ? now.engine() : recorded.engine());
    }

    private static void diff(String path, JsonNode was, JsonNode now, List<String> out) {
        if (was != null && now != null && was.isObject() && now.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            was.fieldNames().forEachRemaining(names::add);
            now.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, was.get(name), now.get(name), out);
            }
        } else if (!Objects.equals(was, now)) {
            out.add(path + ": " + text(was) + " -> " + text(now));
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "(none)" : node.isTextual() ? node.asText() : node.toString();
    }

    private static Map<String, String> resolved(String owner, List<OptionSpec> specs, Map<String, String> given) {
        return Options.resolve(owner, specs, given).asText();
    }

    private ObjectNode training() {
        return settings.withObject("/training");
    }

    private ObjectNode adam() {
        return training().withObject("/adam");
    }

    private ObjectNode regularization() {
        return settings.withObject("/regularization");
    }

    private static void merge(ObjectNode into, JsonNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue().isObject()) {
                merge(target, e.getValue());
            } else if (!e.getValue().isNull()) {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
