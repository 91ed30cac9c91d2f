package io.gan4j.core.train;

import io.gan4j.core.config.RunProvenance;
import io.gan4j.core.config.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@code RunDirectory} is the on-disk layout of one training run:
 * <pre>
 * run.json          what the run is (RunSpec) and where it came from (RunProvenance)
 * metrics.jsonl     one JSON object per log interval: step, epoch, losses, timings
 * loss.png          loss curves
 * samples/          sample grids from a fixed latent batch, step-NNNNNNNNN.png and latest.png
 * checkpoints/      step-NNNNNNNNN/ directories (networks.npz, optimizers.npz, state.json)
 * model/            the final weights (networks.npz, state.json)
 * </pre>
 *
 * @param root the run's directory
 */
public record RunDirectory(Path root) {

    private static final String STEP_PREFIX = "step-";

    /** Checks the root. */
    public RunDirectory {
        Objects.requireNonNull(root, "root is null");
    }

    /** Returns {@code run.json}. */
    public Path runFile() {
        return root.resolve("run.json");
    }

    /** Returns {@code metrics.jsonl}. */
    public Path metricsLog() {
        return root.resolve("metrics.jsonl");
    }

    /** Returns {@code loss.png}. */
    public Path lossChart() {
        return root.resolve("loss.png");
    }

    /** Returns the sample-grid directory. */
    public Path samples() {
        return root.resolve("samples");
    }

    /** Returns the checkpoint directory. */
    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    /** Returns the final-model directory. */
    public Path model() {
        return root.resolve("model");
    }

    /** Returns the directory name of the checkpoint after {@code step} steps. */
    static String checkpointName(long step) {
        return String.format("%s%09d", STEP_PREFIX, step);
    }

    /** Returns the complete checkpoints, oldest first (temporary directories are hidden and skipped). */
    public List<Path> listCheckpoints() {
        if (!Files.isDirectory(checkpoints())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(checkpoints())) {
            return dirs.filter(p -> p.getFileName().toString().startsWith(STEP_PREFIX))
                    .filter(p -> Files.isRegularFile(p.resolve(Checkpoints.STATE)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the newest checkpoint, if any. */
    public Optional<Path> latestCheckpoint() {
        List<Path> all = listCheckpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Returns the complete checkpoint after {@code step} steps, if it is kept. */
    public Optional<Path> checkpoint(long step) {
        Path dir = checkpoints().resolve(checkpointName(step));
        return Files.isRegularFile(dir.resolve(Checkpoints.STATE)) ? Optional.of(dir) : Optional.empty();
    }

    /** Returns the weights to sample from: the final model, else the newest checkpoint. */
    public Optional<Path> bestWeights() {
        if (Files.isRegularFile(model().resolve(Checkpoints.STATE))) {
            return Optional.of(model());
        }
        return latestCheckpoint();
    }
}
