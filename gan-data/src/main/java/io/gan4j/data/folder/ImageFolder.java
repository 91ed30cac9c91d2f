package io.gan4j.data.folder;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.event.Progress;
import io.gan4j.data.image.ImageFiles;
import io.gan4j.data.image.ImageTensorDataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ImageFolder} loads a directory of images (PNG, JPEG, BMP, GIF) as an image dataset: either
 * the images directly in it (unlabelled) or one subdirectory per class (labels in sorted subdirectory
 * order). All images must have one size unless a size is given, to which every image is then scaled;
 * the set is grey (1 channel) when every image is grey, RGB otherwise (grey images are then
 * repeated to three channels).
 */
public final class ImageFolder {

    private ImageFolder() {}

    /**
     * Opens a folder of images of one size.
     *
     * @throws IllegalArgumentException naming the folder or file at fault: missing, empty, unreadable,
     *     or images of different sizes
     */
    public static ImageTensorDataset open(Path dir) {
        return open(dir, 0);
    }

    /**
     * Opens a folder, scaling every image to {@code size}×{@code size} when {@code size} &gt; 0.
     *
     * @throws IllegalArgumentException naming the folder or file at fault: missing, empty, unreadable,
     *     or (without a size) images of different sizes
     */
    public static ImageTensorDataset open(Path dir, int size) {
        return open(dir, size, Progress.NONE);
    }

    /**
     * Opens a folder as {@link #open(Path, int)} does, reporting each image read to {@code progress}
     * (task {@code "reading DIR"}).
     *
     * @throws IllegalArgumentException naming the folder or file at fault
     */
    public static ImageTensorDataset open(Path dir, int size, Progress progress) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("image folder not found: " + dir);
        }
        List<Path> classes = list(dir, Files::isDirectory);
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        if (classes.isEmpty()) {
            files.addAll(list(dir, ImageFiles::isImage));
        } else {
            for (int c = 0; c < classes.size(); c++) {
                for (Path f : list(classes.get(c), ImageFiles::isImage)) {
                    files.add(f);
                    labels.add(c);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no images (" + String.join(", ", ImageFiles.EXTENSIONS) + ") in " + dir);
        }
        List<BufferedImage> images = new ArrayList<>();
        boolean grey = true;
        String task = "reading " + dir;
        progress.update(task, 0, files.size());
        for (Path f : files) {
            BufferedImage image = ImageFiles.read(f);
            if (size > 0) {
                image = ImageFiles.resize(image, size, size);
            }
            BufferedImage first = images.isEmpty() ? image : images.get(0);
            if (image.getWidth() != first.getWidth() || image.getHeight() != first.getHeight()) {
                throw new IllegalArgumentException("images in " + dir + " differ in size: " + f + " is " + image.getWidth() + "x"
                        + image.getHeight() + ", " + files.get(0) + " is " + first.getWidth() + "x" + first.getHeight()
                        + "; give a size to scale them to (folder:DIR,size=N)");
            }
            grey &= ImageFiles.isGrey(image);
            images.add(image);
            progress.update(task, images.size(), files.size());
        }
        int h = images.get(0).getHeight();
        int w = images.get(0).getWidth();
        int channels = grey ? 1 : 3;
        byte[] pixels = new byte[images.size() * channels * h * w];
        for (int i = 0; i < images.size(); i++) {
            ImageFiles.pixels(images.get(i), channels, pixels, i * channels * h * w);
        }
        byte[] y = null;
        if (!classes.isEmpty()) {
            y = new byte[labels.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = (byte) (int) labels.get(i);
            }
        }
        String what = "image folder " + dir + " (" + images.size() + " images " + channels + "x" + h + "x" + w
                + (classes.isEmpty() ? "" : ", " + classes.size() + " classes") + ")";
        return new ImageTensorDataset(what, pixels, new Shape(channels, h, w), y, classes.size());
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
