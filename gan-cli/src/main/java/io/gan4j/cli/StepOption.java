package io.gan4j.cli;

import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.TrainedModel;
import java.nio.file.Path;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** The {@code --step} option of {@code gan sample} and {@code gan eval}: which of a run's weights to load. */
final class StepOption {

    @Option(names = "--step", paramLabel = "N",
            description = "Use the run's checkpoint after N steps (default: the final model, else the newest checkpoint;"
                    + " training keeps the last --keep checkpoints). Checkpoints hold the trained weights: with --ema only"
                    + " the final model holds the average.")
    Long step;

    /**
     * Loads {@code run} with the weights {@code --step} names.
     *
     * @throws IllegalArgumentException when the run has no such checkpoint, naming those it keeps
     */
    TrainedModel load(PluginRegistry registry, Path run, java.io.PrintWriter err) {
        if (step != null && step < 0) {
            throw new IllegalArgumentException("--step must be >= 0, was " + step);
        }
        return TrainedModel.load(registry, run, step == null ? OptionalLong.empty() : OptionalLong.of(step), err::println);
    }
}
