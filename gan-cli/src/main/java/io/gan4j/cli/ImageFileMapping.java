package io.gan4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.image.ImageGrid;
import io.gan4j.core.media.MediaProvenance;
import io.gan4j.data.image.ImageFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Applies an image-to-image network to image files: each is scaled to the network's size and written as PNG under its name. */
final class ImageFileMapping {

    private ImageFileMapping() {}

    /** Returns {@code input} if it is a file, else the image files in the directory, sorted; with one-line errors. */
    static List<Path> inputs(Path input) {
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

    /**
     * Writes {@code map} of every file, scaled to {@code image} (C, S, S) and read in [-1, 1], as
     * OUTPUT/NAME.png with the provenance embedded.
     */
    static void apply(List<Path> files, Path output, Shape image, NDManager manager, MediaProvenance provenance,
            UnaryOperator<NDArray> map) {
        int channels = (int) image.get(0);
        int side = (int) image.get(1);
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + output, e);
        }
        for (Path file : files) {
            try (NDManager scope = manager.newSubManager()) {
                BufferedImage picture = ImageFiles.resize(ImageFiles.read(file), side, side);
                byte[] pixels = new byte[channels * side * side];
                ImageFiles.pixels(picture, channels, pixels, 0);
                float[] x = new float[pixels.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (pixels[i] & 0xFF) / 127.5f - 1f;
                }
                NDArray out = map.apply(scope.create(x, new Shape(1).addAll(image))).get(0);
                ImageGrid.writePng(ImageGrid.image(out), output.resolve(pngName(file)), provenance);
            }
        }
    }

    private static String pngName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".png";
    }
}
