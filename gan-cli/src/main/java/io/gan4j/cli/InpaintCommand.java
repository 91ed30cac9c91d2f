package io.gan4j.cli;

import io.gan4j.core.media.MediaProvenance;
import io.gan4j.core.model.Inpainter;
import io.gan4j.core.model.Network;
import io.gan4j.core.run.TrainedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gan inpaint}: fills the trained region of image files with an inpainting run (context-encoder). */
@Command(name = "inpaint", mixinStandardHelpOptions = true,
        description = {"Fill the missing region of images with a trained inpainting run (context-encoder).",
            "Every input image is scaled to the size the run trained on; the region the run learned to fill (its central hole)"
                + " is replaced, whatever it holds, and the result written as PNG under the same name."})
final class InpaintCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run directory (uses model/, else the newest checkpoint).")
    Path run;

    @Option(names = "--input", required = true, paramLabel = "FILE|DIR", description = "An image file, or a directory of them.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the completed PNGs.")
    Path output;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> files = ImageFileMapping.inputs(input);
        try (TrainedModel model = TrainedModel.load(plugins.registry(), run, java.util.OptionalLong.empty(), spec.commandLine().getErr()::println)) {
            Inpainter inpainter = model.variant().inpainter().orElseThrow(() -> new IllegalArgumentException("run " + run + " (variant '"
                    + model.record().spec().variant() + "') does not inpaint images"));
            MediaProvenance provenance = MediaProvenance.of(model.record().spec().variant(), model.record().runId(run),
                    model.variant().networks().stream().map(Network::block).toList(), model.step(), -1);
            ImageFileMapping.apply(files, output, inpainter.imageShape(), model.manager(), provenance, inpainter::inpaint);
            spec.commandLine().getOut().printf("inpainted %d image%s with %s into %s%n", files.size(), files.size() == 1 ? "" : "s",
                    model.weights(), output);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
