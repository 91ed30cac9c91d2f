package io.gan4j.core.train;

import io.gan4j.core.config.RunProvenance;
import io.gan4j.core.config.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.gan4j.core.io.AtomicFiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
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

    /** Returns the newest checkpoint, if any, without verifying it. */
    public Optional<Path> latestCheckpoint() {
        List<Path> all = listCheckpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Returns the complete checkpoints, newest first. */
    public List<Path> checkpointsNewestFirst() {
        List<Path> all = new ArrayList<>(listCheckpoints());
        Collections.reverse(all);
        return all;
    }

    /**
     * Reads the first candidate directory (a checkpoint or the model) that verifies against the checksums
     * recorded when it was written ({@link Checkpoints#verify}) and that {@code read} reads without an
     * {@code IllegalArgumentException}; each one passed over is reported to {@code skipped}, naming the file
     * at fault. Older directories written before checksums get the read alone.
     *
     * @param candidates directories, best first
     * @param read reads one, e.g. restores its arrays
     * @param skipped takes one message per directory passed over
     * @param <T> what reading gives
     * @return what the first readable candidate gave, or empty when none could be read
     */
    public static <T> Optional<T> readFirst(List<Path> candidates, Function<Path, T> read, Consumer<String> skipped) {
        for (Path candidate : candidates) {
            Optional<String> problem = Checkpoints.verify(candidate);
            if (problem.isEmpty()) {
                try {
                    return Optional.of(read.apply(candidate));
                } catch (IllegalArgumentException e) {
                    problem = Optional.of(e.getMessage());
                }
            }
            skipped.accept("skipping " + candidate.getParent().getFileName() + "/" + candidate.getFileName() + ": " + problem.get());
        }
        return Optional.empty();
    }

    /**
     * Deletes the temporary files and directories that interrupted atomic writes left behind (hidden
     * {@code .NAME…tmp…} siblings of checkpoints, the model and other outputs). Call it only while owning
     * the directory ({@link io.gan4j.core.io.RunLock}), when no write of this run is under way.
     *
     * @return how many were removed
     */
    public int removeAbandonedTemporaries() {
        int removed = 0;
        for (Path parent : List.of(root, checkpoints(), samples())) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(parent)) {
                for (Path p : (Iterable<Path>) entries.filter(RunDirectory::isTemporary)::iterator) {
                    AtomicFiles.deleteRecursively(p);
                    removed++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean temporary files in " + parent, e);
            }
        }
        return removed;
    }

    /** Whether a path is an atomic write's temporary sibling (a hidden name with "tmp" after the target's). */
    private static boolean isTemporary(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.contains(".tmp") && !name.equals(io.gan4j.core.io.RunLock.FILE);
    }

    /** Returns the complete checkpoint after {@code step} steps, if it is kept. */
    public Optional<Path> checkpoint(long step) {
        Path dir = checkpoints().resolve(checkpointName(step));
        return Files.isRegularFile(dir.resolve(Checkpoints.STATE)) ? Optional.of(dir) : Optional.empty();
    }

    /** Returns the directories a trained generator can be read from, best first: the model, then checkpoints newest first. */
    public List<Path> weightCandidates() {
        List<Path> all = new ArrayList<>();
        if (Files.isDirectory(model())) {
            all.add(model());
        }
        all.addAll(checkpointsNewestFirst());
        return all;
    }
}
