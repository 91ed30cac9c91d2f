package io.gan4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.gan4j.core.image.ImageGrid;
import io.gan4j.core.media.MediaProvenance;
import io.gan4j.core.model.Network;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.data.image.ImageFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gan translate}: runs a trained translation variant (cyclegan) on image files. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Translate a folder of images with a trained translation run (cyclegan).",
            "Every input image is scaled to the size the run trained on, translated, and written as PNG under the same name."})
final class TranslateCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run directory (uses model/, else the newest checkpoint).")
    Path run;

    @Option(names = "--direction", required = true, paramLabel = "AtoB|BtoA", description = "Which generator to apply.")
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
        List<Path> files = inputs();
        try (TrainedModel model = TrainedModel.load(plugins.registry(), run, java.util.OptionalLong.empty(), spec.commandLine().getErr()::println)) {
            Map<String, Block> translations = model.variant().translations();
            if (translations.isEmpty()) {
                throw new IllegalArgumentException("run " + run + " (variant '" + model.record().spec().variant() + "') does not translate images");
            }
            Block block = translations.get(direction);
            if (block == null) {
                throw new IllegalArgumentException("--direction must be one of " + translations.keySet() + ", was '" + direction + "'");
            }
            Shape image = inputShape(model, block);
            int channels = (int) image.get(0);
            int side = (int) image.get(1);
            ParameterStore store = new ParameterStore(model.manager(), false);
            MediaProvenance provenance = MediaProvenance.of(model.record().spec().variant(), model.record().runId(run), block,
                    model.step(), -1);
            Files.createDirectories(output);
            for (Path file : files) {
                try (NDManager scope = model.manager().newSubManager()) {
                    BufferedImage picture = ImageFiles.resize(ImageFiles.read(file), side, side);
                    byte[] pixels = new byte[channels * side * side];
                    ImageFiles.pixels(picture, channels, pixels, 0);
                    float[] x = new float[pixels.length];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = (pixels[i] & 0xFF) / 127.5f - 1f;
                    }
                    NDArray in = scope.create(x, new Shape(1).addAll(image));
                    NDArray out = block.forward(store, new NDList(in), false).singletonOrThrow().get(0);
                    ImageGrid.writePng(ImageGrid.image(out), output.resolve(pngName(file)), provenance);
                }
            }
            spec.commandLine().getOut().printf("translated %d image%s %s with %s into %s%n", files.size(), files.size() == 1 ? "" : "s",
                    direction, model.weights(), output);
            spec.commandLine().getOut().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + output, e);
        }
        return 0;
    }

    private List<Path> inputs() {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException("--input not found: " + input);
        }
        try (Stream<Path> entries = Files.list(input)) {
            List<Path> files = entries.filter(ImageFiles::isImage).sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no images (" + String.join(", ", ImageFiles.EXTENSIONS) + ") in " + input);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input, e);
        }
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

    private static String pngName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".png";
    }
}
