package io.gan4j.cli;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.gan4j.core.media.MediaProvenance;
import io.gan4j.core.model.Network;
import io.gan4j.core.run.TrainedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gan translate}: runs a trained translation variant (cyclegan, pix2pix) on image files. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Translate a folder of images with a trained translation run (cyclegan, pix2pix).",
            "Every input image is scaled to the size the run trained on, translated, and written as PNG under the same name."})
final class TranslateCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run directory (uses model/, else the newest checkpoint).")
    Path run;

    @Option(names = "--direction", paramLabel = "AtoB|BtoA", description = "Which generator to apply (needed when the run has two).")
    String direction;

    @Option(names = "--input", required = true, paramLabel = "FILE|DIR", description = "An image file, or a directory of them.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the translated PNGs.")
    Path output;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> files = ImageFileMapping.inputs(input);
        try (TrainedModel model = TrainedModel.load(plugins.registry(), run, java.util.OptionalLong.empty(), spec.commandLine().getErr()::println)) {
            Map<String, Block> translations = model.variant().translations();
            if (translations.isEmpty()) {
                throw new IllegalArgumentException("run " + run + " (variant '" + model.record().spec().variant() + "') does not translate images");
            }
            if (direction == null && translations.size() > 1) {
                throw new IllegalArgumentException("run " + run + " translates both ways; give --direction, one of " + translations.keySet());
            }
            String chosen = direction != null ? direction : translations.keySet().iterator().next();
            Block block = translations.get(chosen);
            if (block == null) {
                throw new IllegalArgumentException("--direction must be one of " + translations.keySet() + ", was '" + direction + "'");
            }
            Shape image = inputShape(model, block);
            ParameterStore store = new ParameterStore(model.manager(), false);
            MediaProvenance provenance = MediaProvenance.of(model.record().spec().variant(), model.record().runId(run), block,
                    model.step(), -1);
            ImageFileMapping.apply(files, output, image, model.manager(), provenance,
                    in -> block.forward(store, new NDList(in), false).singletonOrThrow());
            spec.commandLine().getOut().printf("translated %d image%s %s with %s into %s%n", files.size(), files.size() == 1 ? "" : "s",
                    chosen, model.weights(), output);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** Returns the image shape (C, H, W) the network was built for. */
    private static Shape inputShape(TrainedModel model, Block block) {
        for (Network n : model.variant().networks()) {
            if (n.block() == block) {
                Shape s = n.inputShapes().get(0);
                return s.slice(1);
            }
        }
        throw new IllegalStateException("translation network is not among the variant's networks");
    }
}
