package io.gan4j.core.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.media.MediaProvenance;
import io.gan4j.core.media.PngProvenance;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * {@code ImageGrid} tiles a batch of images (N, C, H, W) with values in [-1, 1] into one picture,
 * row-major, and writes it as PNG. One channel is grey, three are RGB.
 */
public final class ImageGrid {

    private static final int GAP = 2;

    private ImageGrid() {}

    /**
     * Renders the grid.
     *
     * @param images (N, C, H, W), C ∈ {1, 3}, values in [-1, 1] (clipped)
     * @param columns images per row
     * @param scale integer magnification of each pixel
     * @return the picture
     */
    public static BufferedImage render(NDArray images, int columns, int scale) {
        Shape s = images.getShape();
        if (s.dimension() != 4 || (s.get(1) != 1 && s.get(1) != 3)) {
            throw new IllegalArgumentException("expected images (N, 1|3, H, W), got " + s);
        }
        float[] v = images.toFloatArray();
        int n = (int) s.get(0);
        int c = (int) s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        int rows = (n + columns - 1) / columns;
        BufferedImage out = new BufferedImage(
                GAP + columns * (w * scale + GAP), GAP + rows * (h * scale + GAP), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.dispose();
        for (int i = 0; i < n; i++) {
            int x0 = GAP + (i % columns) * (w * scale + GAP);
            int y0 = GAP + (i / columns) * (h * scale + GAP);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int base = i * c * h * w + y * w + x;
                    int r = toByte(v[base]);
                    int gr = c == 3 ? toByte(v[base + h * w]) : r;
                    int b = c == 3 ? toByte(v[base + 2 * h * w]) : r;
                    int rgb = (r << 16) | (gr << 8) | b;
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            out.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Returns one image (C, H, W), C ∈ {1, 3}, values in [-1, 1] (clipped), at its own size: grey
     * for one channel, RGB for three.
     */
    public static BufferedImage image(NDArray image) {
        Shape s = image.getShape();
        if (s.dimension() != 3 || (s.get(0) != 1 && s.get(0) != 3)) {
            throw new IllegalArgumentException("expected an image (1|3, H, W), got " + s);
        }
        float[] v = image.toFloatArray();
        int c = (int) s.get(0);
        int h = (int) s.get(1);
        int w = (int) s.get(2);
        BufferedImage out = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = toByte(v[y * w + x]);
                if (c == 1) {
                    out.getRaster().setSample(x, y, 0, r);
                } else {
                    out.setRGB(x, y, (r << 16) | (toByte(v[h * w + y * w + x]) << 8) | toByte(v[2 * h * w + y * w + x]));
                }
            }
        }
        return out;
    }

    /** Renders the grid and writes it atomically as PNG. */
    public static void writePng(NDArray images, int columns, int scale, Path file) {
        writePng(render(images, columns, scale), file);
    }

    /** Writes a picture atomically as PNG (charts and other pictures that are not generated samples). */
    public static void writePng(BufferedImage image, Path file) {
        PngProvenance.write(image, file, null);
    }

    /**
     * Writes generated samples' picture atomically as PNG, with their provenance inside (IPTC digital source
     * type {@code trainedAlgorithmicMedia}, the generator, step, seed and tool).
     *
     * @param image the picture of generated samples
     * @param file the target
     * @param provenance what generated them
     */
    public static void writePng(BufferedImage image, Path file, MediaProvenance provenance) {
        PngProvenance.write(image, file, java.util.Objects.requireNonNull(provenance, "provenance is null"));
    }

    private static int toByte(float value) {
        return Math.round(Math.max(0f, Math.min(1f, (value + 1f) / 2f)) * 255f);
    }
}
