package io.gan4j.core.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * {@code ScatterPlot} draws 2-D samples as a picture: generated points in blue over real points in
 * grey, on axes fitted to the real points (so a generator that wanders off shows as points at the
 * edge, clamped, rather than a rescaled plot). The picture of a toy mixture's training.
 */
public final class ScatterPlot {

    private static final int SIZE = 600;
    private static final int MARGIN = 40;
    private static final Color REAL = new Color(160, 160, 160);
    private static final Color GENERATED = new Color(31, 119, 180);

    private ScatterPlot() {}

    /**
     * Renders the plot.
     *
     * @param real real points, (x, y) interleaved
     * @param generated generated points, (x, y) interleaved
     * @param title caption
     * @return the picture
     */
    public static BufferedImage render(float[] real, float[] generated, String title) {
        if (real.length < 2 || real.length % 2 != 0 || generated.length % 2 != 0) {
            throw new IllegalArgumentException("points must be (x, y) pairs, with at least one real point");
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : real) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float pad = Math.max((hi - lo) * 0.1f, 1e-3f);
        lo -= pad;
        hi += pad;
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        g.setColor(new Color(225, 225, 225));
        g.drawRect(MARGIN, MARGIN, SIZE - 2 * MARGIN, SIZE - 2 * MARGIN);
        draw(g, real, lo, hi, REAL);
        draw(g, generated, lo, hi, GENERATED);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString(title, MARGIN, 20);
        g.drawString(String.format("axes %.3g .. %.3g; grey real, blue generated", lo, hi), MARGIN, SIZE - 14);
        g.dispose();
        return img;
    }

    private static void draw(Graphics2D g, float[] points, float lo, float hi, Color color) {
        g.setColor(color);
        int span = SIZE - 2 * MARGIN;
        for (int i = 0; i < points.length; i += 2) {
            int x = MARGIN + Math.round(clamp((points[i] - lo) / (hi - lo)) * span);
            int y = SIZE - MARGIN - Math.round(clamp((points[i + 1] - lo) / (hi - lo)) * span);
            g.fillOval(x - 1, y - 1, 3, 3);
        }
    }

    private static float clamp(float v) {
        return Float.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
