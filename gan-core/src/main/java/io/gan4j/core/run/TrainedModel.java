package io.gan4j.core.run;

import io.gan4j.core.engine.DeviceChoice;
import io.gan4j.core.train.Checkpoints;
import io.gan4j.core.train.Networks;
import io.gan4j.core.train.RunDirectory;
import io.gan4j.core.config.RunRecord;
import ai.djl.ndarray.NDManager;
import io.gan4j.core.io.Json;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.Generator;
import io.gan4j.core.plugin.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A {@code TrainedModel} is a variant rebuilt from a run directory with trained weights loaded:
 * the final model when the run finished, else its newest checkpoint. Closing it frees the weights.
 */
public final class TrainedModel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TrainedModel.class.getName());

    private final RunRecord record;
    private final GanVariant variant;
    private final Path weights;
    private final NDManager manager;

    private TrainedModel(RunRecord record, GanVariant variant, Path weights, NDManager manager) {
        this.record = record;
        this.variant = variant;
        this.weights = weights;
        this.manager = manager;
    }

    /**
     * Loads the run in {@code runDirectory}: its final model, else its newest checkpoint that can be read.
     * Weights that do not verify are passed over and logged (see {@link #load(PluginRegistry, Path,
     * OptionalLong, Consumer)} to receive those messages).
     *
     * @param registry the plugins, which must include the run's variant
     * @param runDirectory the run directory
     * @return the model, which the caller closes
     * @throws IllegalArgumentException when it is not a run directory or has no readable weights
     */
    public static TrainedModel load(PluginRegistry registry, Path runDirectory) {
        return load(registry, runDirectory, OptionalLong.empty());
    }

    /**
     * Loads the run in {@code runDirectory} with the weights of its checkpoint after {@code step} steps,
     * or, when {@code step} is empty, its final model, else its newest checkpoint that can be read;
     * weights passed over are logged.
     *
     * @param registry the plugins, which must include the run's variant
     * @param runDirectory the run directory
     * @param step the checkpoint's step, or empty for the best weights
     * @return the model, which the caller closes
     * @throws IllegalArgumentException when it is not a run directory or has no such readable weights,
     *     naming the checkpoints it keeps
     */
    public static TrainedModel load(PluginRegistry registry, Path runDirectory, OptionalLong step) {
        return load(registry, runDirectory, step, message -> LOG.log(System.Logger.Level.WARNING, message));
    }

    /**
     * Loads the run in {@code runDirectory} as {@link #load(PluginRegistry, Path, OptionalLong)} does,
     * reporting each weights directory it passes over (damaged, truncated, not matching its checksums) to
     * {@code skipped}.
     *
     * @param registry the plugins, which must include the run's variant
     * @param runDirectory the run directory
     * @param step the checkpoint's step, or empty for the best weights
     * @param skipped takes one message per weights directory passed over, naming the file at fault
     * @return the model, which the caller closes
     * @throws IllegalArgumentException when it is not a run directory or has no such readable weights
     */
    public static TrainedModel load(PluginRegistry registry, Path runDirectory, OptionalLong step, Consumer<String> skipped) {
        RunDirectory dir = new RunDirectory(runDirectory);
        if (!Files.isRegularFile(dir.runFile())) {
            throw new IllegalArgumentException("not a run directory (no run.json): " + runDirectory);
        }
        RunRecord record = Json.read(dir.runFile(), RunRecord.class);
        List<Path> candidates = step.isPresent()
                ? List.of(dir.checkpoint(step.getAsLong()).orElseThrow(() -> new IllegalArgumentException("run " + runDirectory
                        + " has no checkpoint at step " + step.getAsLong() + " (checkpoints kept: " + keptSteps(dir) + ")")))
                : dir.weightCandidates();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("run " + runDirectory + " has no model or checkpoint yet");
        }
        GanVariant variant = registry.createTrainedVariant(record.spec(), record.shape(), record.numClasses());
        NDManager manager = DeviceChoice.newBaseManager();
        try {
            Networks.initialize(variant, manager, record.spec().training().seed());
            List<String> problems = new ArrayList<>();
            Path weights = RunDirectory.readFirst(candidates, w -> {
                Checkpoints.restoreNpz(w.resolve(Checkpoints.NETWORKS), Networks.arrays(variant), manager);
                return w;
            }, problem -> {
                problems.add(problem);
                skipped.accept(problem);
            }).orElseThrow(() -> new IllegalArgumentException("run " + runDirectory + " has no readable weights: "
                    + String.join("; ", problems)));
            return new TrainedModel(record, variant, weights, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static String keptSteps(RunDirectory dir) {
        List<Path> kept = dir.listCheckpoints();
        return kept.isEmpty() ? "none" : kept.stream()
                .map(p -> String.valueOf(Json.read(p.resolve(Checkpoints.STATE), Checkpoints.State.class).step()))
                .collect(Collectors.joining(", "));
    }

    /** Returns the run's record. */
    public RunRecord record() {
        return record;
    }

    /** Returns the variant with its trained weights. */
    public GanVariant variant() {
        return variant;
    }

    /** Returns the directory the weights came from. */
    public Path weights() {
        return weights;
    }

    /** Returns the training step the weights are from. */
    public long step() {
        return Json.read(weights.resolve(Checkpoints.STATE), Checkpoints.State.class).step();
    }

    /** Returns the generator, or throws when the variant has none. */
    public Generator generator() {
        return variant.generator().orElseThrow(
                () -> new IllegalArgumentException("variant '" + record.spec().variant() + "' has no generator to sample from"));
    }

    /** Returns the discriminator, or throws when the variant has none. */
    public Discriminator discriminator() {
        return variant.discriminator().orElseThrow(
                () -> new IllegalArgumentException("variant '" + record.spec().variant() + "' has no single discriminator"));
    }

    /** Returns a manager for arrays derived from this model; closed with it. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
