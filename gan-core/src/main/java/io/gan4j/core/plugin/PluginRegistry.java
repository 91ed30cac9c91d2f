package io.gan4j.core.plugin;

import io.gan4j.core.spi.Options;
import io.gan4j.core.spi.PluginFactory;
import io.gan4j.core.spi.Suggestions;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.augment.DiffAugment;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.data.DatasetFactory;
import io.gan4j.core.data.DatasetSources;
import io.gan4j.core.engine.EngineCapability;
import io.gan4j.core.engine.EngineSupport;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.eval.FeatureNetworkFactory;
import io.gan4j.core.event.Progress;
import io.gan4j.core.loss.AdversarialLoss;
import io.gan4j.core.loss.DiscriminatorPenalty;
import io.gan4j.core.loss.LossFactory;
import io.gan4j.core.loss.PenaltyFactory;
import io.gan4j.core.config.PluginProvenance;
import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.TrainingFeature;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.monitor.MonitorFactory;
import io.gan4j.core.config.Regularization;
import io.gan4j.core.config.RunSpec;
import io.gan4j.core.config.TrainingConfig;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@code PluginRegistry} holds every loaded plugin factory by kind and name, and builds runs
 * from names: variants, losses, datasets. Lookups of unknown names fail with a message that lists
 * what is available.
 *
 * <p>Build one with {@link io.gan4j.core.inject.Plugins#registry}. Immutable and thread-safe.
 */
public final class PluginRegistry {

    private final Map<String, GanVariantFactory> variants;
    private final Map<String, LossFactory> losses;
    private final Map<String, PenaltyFactory> penalties;
    private final Map<String, DatasetFactory> datasets;
    private final Map<String, FeatureNetworkFactory> featureNetworks;
    private final Map<String, MonitorFactory> monitors;
    private final Map<String, GanPlugin> origins;
    private final Progress progress;

    /**
     * Creates the registry from the maps the plugin module binds.
     *
     * @param variants variant factories by name
     * @param losses loss factories by name
     * @param penalties discriminator-penalty factories by name
     * @param datasets dataset factories by name
     * @param featureNetworks feature-network factories by name
     * @param monitors training-monitor factories by name
     * @param origins the plugin that provided each factory, by {@code kind:name} (e.g. {@code variant:dcgan})
     */
    @Inject
    public PluginRegistry(Map<String, GanVariantFactory> variants, Map<String, LossFactory> losses,
            Map<String, PenaltyFactory> penalties, Map<String, DatasetFactory> datasets,
            Map<String, FeatureNetworkFactory> featureNetworks, Map<String, MonitorFactory> monitors, Map<String, GanPlugin> origins) {
        this(variants, losses, penalties, datasets, featureNetworks, monitors, origins, Progress.NONE);
    }

    private PluginRegistry(Map<String, GanVariantFactory> variants, Map<String, LossFactory> losses,
            Map<String, PenaltyFactory> penalties, Map<String, DatasetFactory> datasets,
            Map<String, FeatureNetworkFactory> featureNetworks, Map<String, MonitorFactory> monitors, Map<String, GanPlugin> origins,
            Progress progress) {
        this.variants = new TreeMap<>(variants);
        this.losses = new TreeMap<>(losses);
        this.penalties = new TreeMap<>(penalties);
        this.datasets = new TreeMap<>(datasets);
        this.featureNetworks = new TreeMap<>(featureNetworks);
        this.monitors = new TreeMap<>(monitors);
        this.origins = Map.copyOf(origins);
        this.progress = Objects.requireNonNull(progress, "progress is null");
    }

    /**
     * Returns a registry of the same plugins that reports long work done while opening datasets to {@code progress}.
     *
     * @param progress where long work reports its progress
     * @return a registry of the same plugins that reports long work done while opening datasets to {@code
     *     progress}
     */
    public PluginRegistry withProgress(Progress progress) {
        return new PluginRegistry(variants, losses, penalties, datasets, featureNetworks, monitors, origins, progress);
    }

    /**
     * Returns the variant factories by name, sorted.
     *
     * @return the variant factories by name, sorted
     */
    public Map<String, GanVariantFactory> variants() {
        return Collections.unmodifiableMap(variants);
    }

    /**
     * Returns the loss factories by name, sorted.
     *
     * @return the loss factories by name, sorted
     */
    public Map<String, LossFactory> losses() {
        return Collections.unmodifiableMap(losses);
    }

    /**
     * Returns the discriminator-penalty factories by name, sorted.
     *
     * @return the discriminator-penalty factories by name, sorted
     */
    public Map<String, PenaltyFactory> penalties() {
        return Collections.unmodifiableMap(penalties);
    }

    /**
     * Returns the dataset factories by name, sorted.
     *
     * @return the dataset factories by name, sorted
     */
    public Map<String, DatasetFactory> datasets() {
        return Collections.unmodifiableMap(datasets);
    }

    /**
     * Returns the feature-network factories by name, sorted.
     *
     * @return the feature-network factories by name, sorted
     */
    public Map<String, FeatureNetworkFactory> featureNetworks() {
        return Collections.unmodifiableMap(featureNetworks);
    }

    /**
     * Returns the training-monitor factories by name, sorted.
     *
     * @return the training-monitor factories by name, sorted
     */
    public Map<String, MonitorFactory> monitors() {
        return Collections.unmodifiableMap(monitors);
    }

    /**
     * Returns the named training-monitor factory.
     *
     * @param name the plugin's name within its kind
     * @return the named training-monitor factory
     */
    public MonitorFactory monitor(String name) {
        return find("monitor", monitors, name);
    }

    /**
     * Returns the named feature network for samples of {@code sampleShape}, created with the given options.
     *
     * @param name the plugin's name within its kind
     * @param options the user's raw options by name
     * @param sampleShape shape of one sample to measure, without the batch axis
     * @return the named feature network for samples of {@code sampleShape}, created with the given options
     */
    public FeatureNetwork createFeatureNetwork(String name, Map<String, String> options, Shape sampleShape) {
        FeatureNetworkFactory factory = find("feature network", featureNetworks, name);
        return factory.create(Options.resolve("feature network '" + name + "'", factory.options(), options), sampleShape);
    }

    /**
     * Returns the named variant factory.
     *
     * @param name the plugin's name within its kind
     * @return the named variant factory
     */
    public GanVariantFactory variant(String name) {
        return find("variant", variants, name);
    }

    /**
     * Returns the named loss factory.
     *
     * @param name the plugin's name within its kind
     * @return the named loss factory
     */
    public LossFactory loss(String name) {
        return find("loss", losses, name);
    }

    /**
     * Returns the named penalty factory.
     *
     * @param name the plugin's name within its kind
     * @return the named penalty factory
     */
    public PenaltyFactory penalty(String name) {
        return find("penalty", penalties, name);
    }

    /**
     * Returns the named dataset factory.
     *
     * @param name the plugin's name within its kind
     * @return the factory
     */
    public DatasetFactory dataset(String name) {
        return find("dataset", datasets, name);
    }

    /**
     * Opens a dataset from a spec {@code name[:argument]}, e.g. {@code mnist} or {@code idx:/d/x.gz}.
     * Derived datasets open the specs inside their argument through this method, with the same seed.
     *
     * @param spec a dataset spec
     * @param seed seed for datasets that are sampled
     * @return the dataset
     * @throws IllegalArgumentException naming the spec, file or argument at fault
     */
    public Dataset openDataset(String spec, long seed) {
        String name = scheme(spec);
        String argument = name.length() == spec.length() ? "" : spec.substring(name.length() + 1);
        return dataset(name).open(argument, seed, new DatasetSources() {
            @Override
            public Dataset open(String source) {
                return openDataset(source, seed);
            }

            @Override
            public Progress progress() {
                return progress;
            }
        });
    }

    /**
     * Returns the loss of a run spec, options resolved.
     *
     * @param name the loss's name
     * @param options the user's raw options by name
     * @return the loss
     */
    public AdversarialLoss createLoss(String name, Map<String, String> options) {
        LossFactory factory = loss(name);
        return factory.create(Options.resolve("loss '" + name + "'", factory.options(), options));
    }

    /** Returns the penalty a run's regularization names, options resolved. */
    private DiscriminatorPenalty createPenalty(Regularization regularization) {
        PenaltyFactory factory = penalty(regularization.penalty());
        return factory.create(Options.resolve("penalty '" + regularization.penalty() + "'", factory.options(),
                regularization.penaltyOptions()));
    }

    /**
     * Creates the variant a run spec names, for the given data, with its loss, penalty and augmentation,
     * and checks that it honours them: an {@link AdversarialVariant} made from the run's context does;
     * any other variant must declare each {@link TrainingFeature} the run asks for in {@link
     * GanVariantFactory#honours()}. Training should call {@link #checkTrainable} first.
     *
     * @param spec the resolved run
     * @param data the training data
     * @return the variant, its networks not yet initialized
     * @throws IllegalArgumentException on unknown names, bad options, data the variant cannot use, or
     *     a training feature the variant does not honour
     */
    public GanVariant createVariant(RunSpec spec, Dataset data) {
        return createVariant(spec, data.sampleShape(), data.numClasses());
    }

    /**
     * Creates the variant a run spec names for data of the given sample shape and class count, checked as above.
     *
     * @param spec the resolved run
     * @param sampleShape shape of one sample, without the batch axis
     * @param numClasses number of classes of the data, 0 when unlabelled
     * @return the variant, its networks not yet initialized
     */
    public GanVariant createVariant(RunSpec spec, Shape sampleShape, int numClasses) {
        AdversarialLoss loss = createLoss(spec.loss(), spec.lossOptions());
        Optional<DiscriminatorPenalty> penalty = spec.regularization().hasPenalty()
                ? Optional.of(createPenalty(spec.regularization())) : Optional.empty();
        VariantContext context = context(spec, sampleShape, numClasses, loss, penalty);
        GanVariantFactory factory = variant(spec.variant());
        GanVariant variant = factory.create(context);
        boolean carriesContext = variant instanceof AdversarialVariant adversarial && adversarial.context() == context;
        for (TrainingFeature feature : TrainingFeature.values()) {
            if (feature.requestedBy(context) && !carriesContext && !factory.honours().contains(feature)) {
                throw new IllegalArgumentException("variant '" + spec.variant() + "' writes its own training step and does not"
                        + " honour " + feature.key() + "; run it without " + feature.key());
            }
        }
        return variant;
    }

    /**
     * Creates the variant of a trained run for sampling and evaluation: only the variant's plugin is
     * needed. A loss or penalty plugin that is not loaded is stood in for by one that fails, naming the
     * plugin, only if something (e.g. rejection sampling) uses it.
     *
     * @param spec the trained run's spec, from its {@code run.json}
     * @param sampleShape shape of one sample, without the batch axis
     * @param numClasses number of classes of the data, 0 when unlabelled
     * @return the variant, its networks not yet loaded
     * @throws IllegalArgumentException when the variant's plugin is not loaded, with the hint to load it
     */
    public GanVariant createTrainedVariant(RunSpec spec, Shape sampleShape, int numClasses) {
        if (!variants.containsKey(spec.variant())) {
            throw new IllegalArgumentException("unknown variant '" + spec.variant() + "'" + Suggestions.didYouMean(spec.variant(), variants.keySet()) + " (available: "
                    + String.join(", ", variants.keySet()) + "); load the plugin the run was trained with (its run.json"
                    + " lists it under plugins) with --plugins DIR");
        }
        AdversarialLoss loss = createTrainedLoss(spec);
        Regularization regularization = spec.regularization();
        Optional<DiscriminatorPenalty> penalty = !regularization.hasPenalty() ? Optional.empty()
                : Optional.of(penalties.containsKey(regularization.penalty()) ? createPenalty(regularization)
                        : new MissingPlugin("penalty", regularization.penalty()));
        return variant(spec.variant()).create(context(spec, sampleShape, numClasses, loss, penalty));
    }

    /**
     * Returns the loss a trained run names, or, when its plugin is not loaded, a stand-in that fails
     * naming the plugin and {@code --plugins} if it is used.
     *
     * @param spec the trained run's spec
     * @return the loss, or a stand-in that fails when used
     */
    public AdversarialLoss createTrainedLoss(RunSpec spec) {
        return losses.containsKey(spec.loss()) ? createLoss(spec.loss(), spec.lossOptions()) : new MissingPlugin("loss", spec.loss());
    }

    private VariantContext context(RunSpec spec, Shape sampleShape, int numClasses, AdversarialLoss loss,
            Optional<DiscriminatorPenalty> penalty) {
        GanVariantFactory factory = variant(spec.variant());
        Options options = Options.resolve("variant '" + spec.variant() + "'", factory.options(), spec.variantOptions());
        Regularization regularization = spec.regularization();
        return new VariantContext(options, sampleShape, numClasses, loss, penalty,
                DiffAugment.parse(regularization.augment()), regularization.topK());
    }

    /**
     * Returns where the plugins a run spec names came from: its variant, loss, penalty, the dataset
     * kinds of its data spec and its monitors.
     *
     * @param spec the resolved run
     * @return one record per plugin jar, in the order of first use
     */
    public List<PluginProvenance> provenance(RunSpec spec) {
        List<String> used = new ArrayList<>(List.of("variant:" + spec.variant(), "loss:" + spec.loss()));
        if (spec.regularization().hasPenalty()) {
            used.add("penalty:" + spec.regularization().penalty());
        }
        used.add("dataset:" + scheme(spec.data()));
        spec.monitors().keySet().forEach(m -> used.add("monitor:" + m));
        List<PluginProvenance> all = new ArrayList<>();
        for (String key : used) {
            GanPlugin plugin = origins.get(key);
            if (plugin != null) {
                int colon = key.indexOf(':');
                all.add(PluginProvenance.of(key.substring(0, colon), key.substring(colon + 1), plugin));
            }
        }
        return all;
    }

    /**
     * Returns the discriminator updates per step a run of the named variant, loss and penalty uses unless
     * told otherwise: the most the loss and penalty are meant for, or 1 for a variant that does not
     * {@link GanVariantFactory#takesUpdateCounts() take update counts}.
     *
     * @param variant the variant's name
     * @param loss the loss's name
     * @param penalty the penalty's name, or {@code none}
     * @return the default discriminator updates per step
     */
    public int discriminatorSteps(String variant, String loss, String penalty) {
        if (!variant(variant).takesUpdateCounts()) {
            return 1;
        }
        int steps = loss(loss).discriminatorSteps();
        return penalty.equals(Regularization.NO_PENALTY) ? steps : Math.max(steps, penalty(penalty).discriminatorSteps());
    }

    /**
     * Checks, before training starts, that the run can be trained: the current engine gives every plugin
     * it names (variant, loss, penalty) the {@link PluginFactory#requires() capabilities} it needs, and a
     * variant that updates each network once per step is not asked for more updates.
     *
     * @param spec the resolved run
     * @throws IllegalArgumentException naming the plugin and what to change
     */
    public void checkTrainable(RunSpec spec) {
        GanVariantFactory variant = variant(spec.variant());
        TrainingConfig training = spec.training();
        if (!variant.takesUpdateCounts() && (training.discriminatorSteps() != 1 || training.generatorSteps() != 1)) {
            throw new IllegalArgumentException(variant.name() + " updates each network once per step, so it takes no --d-steps or"
                    + " --g-steps (asked for " + training.discriminatorSteps() + " and " + training.generatorSteps() + ")");
        }
        List<PluginFactory> plugins = new ArrayList<>(List.of(variant, loss(spec.loss())));
        if (spec.regularization().hasPenalty()) {
            plugins.add(penalty(spec.regularization().penalty()));
        }
        EngineSupport engine = EngineSupport.forEngine(Engine.getInstance().getEngineName());
        for (PluginFactory plugin : plugins) {
            for (EngineCapability needed : plugin.requires()) {
                if (!engine.supports(needed)) {
                    throw new IllegalArgumentException("'" + plugin.name() + "' needs " + needed.description() + ", which the "
                            + engine.engineName() + " engine lacks; run with --engine pytorch");
                }
            }
        }
    }

    /** Returns the dataset kind of a spec {@code name[:argument]}: its name. */
    private static String scheme(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? spec : spec.substring(0, colon);
    }

    private static <T> T find(String kind, Map<String, T> map, String name) {
        T found = map.get(name);
        if (found == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "'" + Suggestions.didYouMean(name, map.keySet())
                    + "; available: " + String.join(", ", map.keySet()));
        }
        return found;
    }
}
