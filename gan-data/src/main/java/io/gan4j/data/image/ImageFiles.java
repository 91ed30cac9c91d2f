package io.gan4j.data.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code ImageFiles} reads image files (PNG, JPEG, BMP, GIF) and turns them into unsigned-byte
 * (C, H, W) pixels: grey images as one channel, colour images as RGB.
 */
public final class ImageFiles {

    /** File name endings read as images. */
    public static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private ImageFiles() {}

    /** Returns whether {@code file} is a regular file with an image extension. */
    public static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /**
     * Reads an image.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or decoded
     */
    public static BufferedImage read(Path file) {
        try {
            BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalArgumentException("cannot read image " + file + ": not a supported image format");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read image " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns whether the image has a single (grey) colour component. */
    public static boolean isGrey(BufferedImage image) {
        return image.getColorModel().getNumColorComponents() == 1;
    }

    /**
     * Returns the image scaled to {@code width}×{@code height} with bicubic interpolation (the image
     * itself when it has that size already).
     */
    public static BufferedImage resize(BufferedImage image, int width, int height) {
        if (image.getWidth() == width && image.getHeight() == height) {
            return image;
        }
        BufferedImage out = new BufferedImage(width, height, isGrey(image) ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Writes the image's pixels as (channels, H, W) unsigned bytes into {@code into} at {@code offset}:
     * one channel takes the grey level (of the red component for a colour image), three take RGB
     * (a grey image repeated).
     */
    public static void pixels(BufferedImage image, int channels, byte[] into, int offset) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images have 1 or 3 channels, not " + channels);
        }
        int h = image.getHeight();
        int w = image.getWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int base = offset + y * w + x;
                if (channels == 1) {
                    into[base] = (byte) ((rgb >> 16) & 0xFF);
                } else {
                    into[base] = (byte) ((rgb >> 16) & 0xFF);
                    into[base + h * w] = (byte) ((rgb >> 8) & 0xFF);
                    into[base + 2 * h * w] = (byte) (rgb & 0xFF);
                }
            }
        }
    }
}
