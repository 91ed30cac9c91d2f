package io.gan4j.core.train;

import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.event.TrainingListener;
import io.gan4j.core.io.AtomicFiles;
import io.gan4j.core.io.Json;
import java.nio.file.Path;

/**
 * Writes the final weights to {@code model/} at the end of the budget, with the generator average in
 * place of the trained generator when the run keeps one. One of the trainer's standard outputs.
 */
final class ModelExport implements TrainingListener {

    private final GanTrainer trainer;

    ModelExport(GanTrainer trainer) {
        this.trainer = trainer;
    }

    @Override
    public void on(TrainingEvent event) {
        if (event instanceof TrainingEvent.BudgetReached e) {
            write(trainer, trainer.runDirectory().model(), trainer.stateAt(e.step()));
        }
    }

    /** Writes the sampling weights (see {@link GanTrainer#withSamplingWeights}) atomically to {@code target} in the layout of {@code model/}. */
    static void write(GanTrainer trainer, Path target, Checkpoints.State state) {
        trainer.withSamplingWeights(() -> AtomicFiles.writeDirectory(target, tmp -> {
            Checkpoints.writeNpz(tmp.resolve(Checkpoints.NETWORKS), Networks.arrays(trainer.variant()), trainer.manager());
            Json.write(tmp.resolve(Checkpoints.STATE), state);
            Checkpoints.writeChecksums(tmp);
        }));
    }
}
