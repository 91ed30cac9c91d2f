package io.gan4j.cli;

import ai.djl.ndarray.NDArray;
import io.gan4j.core.image.ImageGrid;
import io.gan4j.core.train.Sampling;
import io.gan4j.core.train.TrainedModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gan sample}: draws images from a trained run as a PNG grid. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Draw N samples from a trained run as a PNG grid.")
final class SampleCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run directory (uses model/, else the newest checkpoint).")
    Path run;

    @Option(names = {"-n", "--count"}, defaultValue = "64", description = "Number of samples (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--columns", defaultValue = "8", description = "Images per row (default: ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = "--scale", defaultValue = "2", description = "Pixel magnification (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--out", paramLabel = "FILE", description = "PNG to write (default: RUN/samples/sample-seedSEED.png).")
    Path out;

    @Mixin
    PluginOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (count <= 0 || count > 100_000) {
            throw new IllegalArgumentException("--count must be in 1..100000, was " + count);
        }
        if (columns <= 0 || scale <= 0) {
            throw new IllegalArgumentException("--columns and --scale must be > 0");
        }
        try (TrainedModel model = TrainedModel.load(plugins.registry(), run)) {
            if (model.generator().sampleShape().dimension() != 3) {
                throw new IllegalArgumentException("run " + run + " does not generate images (sample shape "
                        + model.generator().sampleShape() + ")");
            }
            NDArray images = Sampling.generate(model.generator(), count, seed, model.manager());
            Path file = out != null ? out : run.resolve("samples").resolve("sample-seed" + seed + ".png");
            ImageGrid.writePng(images, columns, scale, file);
            spec.commandLine().getOut().printf("wrote %d samples from %s to %s%n", count, model.weights(), file);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
