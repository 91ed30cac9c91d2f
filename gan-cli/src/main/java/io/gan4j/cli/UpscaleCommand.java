package io.gan4j.cli;

import io.gan4j.core.media.MediaProvenance;
import io.gan4j.core.model.Network;
import io.gan4j.core.model.Upscaler;
import io.gan4j.core.run.TrainedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gan upscale}: enlarges image files with a super-resolution run (srgan). */
@Command(name = "upscale", mixinStandardHelpOptions = true,
        description = {"Enlarge images with a trained super-resolution run (srgan).",
            "Every input image is scaled to the low-resolution size the run trained on, upscaled by its factor and written as PNG"
                + " under the same name."})
final class UpscaleCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run directory (uses model/, else the newest checkpoint).")
    Path run;

    @Option(names = "--input", required = true, paramLabel = "FILE|DIR", description = "An image file, or a directory of them.")
    Path input;

    @Option(names = {"--out", "--output"}, required = true, paramLabel = "DIR", description = "Directory for the upscaled PNGs.")
    Path output;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> files = ImageFileMapping.inputs(input);
        try (TrainedModel model = TrainedModel.load(plugins.registry(), run, OptionalLong.empty(), spec.commandLine().getErr()::println)) {
            Upscaler upscaler = model.variant().upscaler().orElseThrow(() -> new IllegalArgumentException("run " + run + " (variant '"
                    + model.record().spec().variant() + "') does not upscale images"));
            MediaProvenance provenance = MediaProvenance.of(model.record().spec().variant(), model.record().runId(run),
                    model.variant().networks().stream().map(Network::block).toList(), model.step(), -1);
            ImageFileMapping.apply(files, output, upscaler.inputShape(), model.manager(), provenance, upscaler::upscale);
            spec.commandLine().getOut().printf("upscaled %d image%s %dx (from %dx%d) with %s into %s%n", files.size(),
                    files.size() == 1 ? "" : "s", upscaler.factor(), upscaler.inputShape().get(2), upscaler.inputShape().get(1),
                    model.weights(), output);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
