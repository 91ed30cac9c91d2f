package io.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.event.TrainingListener;
import io.gan4j.core.image.ImageGrid;
import io.gan4j.core.media.MediaProvenance;
import io.gan4j.core.image.ScatterPlot;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.ImageSheet;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Draws the run's picture every {@code sampleEvery} steps and at the end of the budget, as {@code
 * samples/step-NNNNNNNNN.png} and {@code samples/latest.png}: an 8×8 grid from fixed latents (a row
 * per class for conditional generators), points over the real ones for 2-D samples, or the variant's
 * {@link io.gan4j.core.model.GanVariant#preview preview} when it has no generator. One of the
 * trainer's standard outputs.
 */
final class SampleGrids implements TrainingListener {

    private static final int GRID_SIZE = 64;
    private static final int GRID_COLUMNS = 8;
    private static final int PREVIEW_SAMPLES = 8;
    private static final int SCATTER_POINTS = 2000;

    private final GanTrainer trainer;

    SampleGrids(GanTrainer trainer) {
        this.trainer = trainer;
    }

    @Override
    public void on(TrainingEvent event) {
        int every = trainer.config().sampleEvery();
        if (event instanceof TrainingEvent.StepCompleted e && every > 0 && e.step() % every == 0 && e.step() < e.totalSteps()) {
            write(e.step());
        } else if (event instanceof TrainingEvent.BudgetReached e) {
            write(e.step());
        }
    }

    private void write(long step) {
        Optional<Generator> generator = trainer.variant().generator();
        if (generator.isPresent()) {
            if (generator.get().sampleShape().dimension() == 3) {
                trainer.withSamplingWeights(() -> writeGrid(generator.get(), step));
            } else if (generator.get().sampleShape().equals(new Shape(2)) && generator.get().numClasses() == 0) {
                trainer.withSamplingWeights(() -> writeScatter(generator.get(), step));
            }
            return;
        }
        try (NDManager scope = trainer.manager().newSubManager()) {
            // Previews always show the dataset's first few samples.
            trainer.variant().preview(firstSamples(PREVIEW_SAMPLES, scope), scope)
                    .ifPresent(sheet -> writeSheet(sheet, step, trainer.mediaProvenance(step, -1)));
        }
    }

    private NDArray firstSamples(int count, NDManager scope) {
        Dataset data = trainer.data();
        int n = Math.min(count, data.size());
        int size = Math.toIntExact(data.sampleShape().size());
        float[] values = new float[n * size];
        for (int i = 0; i < n; i++) {
            data.read(i, values, i * size);
        }
        return scope.create(values, new Shape(n).addAll(data.sampleShape()));
    }

    private void writeGrid(Generator g, long step) {
        try (NDManager scope = trainer.manager().newSubManager()) {
            long seed = Seeds.mix(trainer.config().seed(), Seeds.GRID);
            // A conditional generator's grid has one row per class (at most 16 rows).
            NDArray images = g.numClasses() > 0
                    ? Sampling.generate(g, Sampling.rowPerClass(Math.min(g.numClasses(), 16), GRID_COLUMNS), seed, scope)
                    : Sampling.generate(g, GRID_SIZE, seed, scope);
            writeSheet(new ImageSheet(images, GRID_COLUMNS), step, trainer.mediaProvenance(step, seed));
        }
    }

    /** 2-D samples (toy mixtures) are better seen as points over the real ones than as a grid. */
    private void writeScatter(Generator g, long step) {
        try (NDManager scope = trainer.manager().newSubManager()) {
            long seed = Seeds.mix(trainer.config().seed(), Seeds.GRID);
            float[] generated = Sampling.generate(g, SCATTER_POINTS, seed, scope).toFloatArray();
            float[] real = firstSamples(SCATTER_POINTS, scope).toFloatArray();
            writePicture(ScatterPlot.render(real, generated, "step " + step), step, trainer.mediaProvenance(step, seed));
        }
    }

    private void writeSheet(ImageSheet sheet, long step, MediaProvenance provenance) {
        writePicture(ImageGrid.render(sheet.images(), sheet.columns(), 2), step, provenance);
    }

    private void writePicture(BufferedImage picture, long step, MediaProvenance provenance) {
        Path samples = trainer.runDirectory().samples();
        Path file = samples.resolve(String.format("step-%09d.png", step));
        ImageGrid.writePng(picture, file, provenance);
        ImageGrid.writePng(picture, samples.resolve("latest.png"), provenance);
        trainer.publish(new TrainingEvent.SamplesWritten(step, file));
    }
}
