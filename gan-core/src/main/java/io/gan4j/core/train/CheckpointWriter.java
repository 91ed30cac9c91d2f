package io.gan4j.core.train;

import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.event.TrainingListener;
import io.gan4j.core.io.AtomicFiles;
import io.gan4j.core.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a checkpoint (networks, training state, counters) atomically every {@code checkpointEvery}
 * steps and at the end of the budget, and keeps the newest {@code keepCheckpoints}. One of the
 * trainer's standard outputs.
 */
final class CheckpointWriter implements TrainingListener {

    private final GanTrainer trainer;
    private long startStep;

    CheckpointWriter(GanTrainer trainer) {
        this.trainer = trainer;
    }

    @Override
    public void on(TrainingEvent event) {
        int every = trainer.config().checkpointEvery();
        if (event instanceof TrainingEvent.RunStarted e) {
            startStep = e.startStep();
        } else if (event instanceof TrainingEvent.StepCompleted e && every > 0 && e.step() % every == 0 && e.step() < e.totalSteps()) {
            save(e.step());
        } else if (event instanceof TrainingEvent.Interrupted e && trainer.runDirectory().checkpoint(e.step()).isEmpty()) {
            save(e.step());
        } else if (event instanceof TrainingEvent.BudgetReached e
                && (startStep < e.step() || trainer.runDirectory().listCheckpoints().isEmpty())) {
            save(e.step());
        }
    }

    private void save(long step) {
        RunDirectory dir = trainer.runDirectory();
        Path target = dir.checkpoints().resolve(RunDirectory.checkpointName(step));
        Checkpoints.State state = trainer.stateAt(step);
        AtomicFiles.writeDirectory(target, tmp -> {
            Checkpoints.writeNpz(tmp.resolve(Checkpoints.NETWORKS), Networks.arrays(trainer.variant()), trainer.manager());
            Checkpoints.writeNpz(tmp.resolve(Checkpoints.OPTIMIZERS), trainer.trainingArrays(), trainer.manager());
            Json.write(tmp.resolve(Checkpoints.STATE), state);
            Checkpoints.writeChecksums(tmp);
        });
        List<Path> all = dir.listCheckpoints();
        try {
            for (int i = 0; i < all.size() - trainer.config().keepCheckpoints(); i++) {
                AtomicFiles.deleteRecursively(all.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune old checkpoints in " + dir.checkpoints(), e);
        }
        trainer.publish(new TrainingEvent.CheckpointSaved(step, target));
    }
}
