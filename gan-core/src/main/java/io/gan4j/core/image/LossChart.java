package io.gan4j.core.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

import java.util.Map;

/**
 * {@code LossChart} draws loss curves (value against step, one line per series) as a picture,
 * smoothed with an exponential moving average so trends are readable through GAN noise.
 */
public final class LossChart {

    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189)
    };
    private static final int W = 800;
    private static final int H = 420;
    private static final int MARGIN = 56;

    private LossChart() {}

    /**
     * Renders the chart.
     *
     * @param steps x values, shared by all series
     * @param series values by name, each as long as {@code steps}
     * @param title chart title
     * @return the picture
     */
    public static BufferedImage render(long[] steps, Map<String, double[]> series, String title) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString(title, MARGIN, 20);
        if (steps.length < 2) {
            g.drawString("not enough points yet", W / 2 - 60, H / 2);
            g.dispose();
            return img;
        }
        Map<String, double[]> smooth = new java.util.LinkedHashMap<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (var e : series.entrySet()) {
            double[] s = ema(e.getValue(), Math.max(0.0, 1.0 - 20.0 / steps.length));
            smooth.put(e.getKey(), s);
            for (double v : s) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double x0 = steps[0];
        double x1 = Math.max(steps[steps.length - 1], x0 + 1);
        int pw = W - 2 * MARGIN;
        int ph = H - 2 * MARGIN;
        g.setColor(new Color(220, 220, 220));
        for (int i = 0; i <= 4; i++) {
            int y = MARGIN + ph * i / 4;
            g.drawLine(MARGIN, y, MARGIN + pw, y);
            g.setColor(Color.GRAY);
            g.drawString(String.format("%.3g", hi - (hi - lo) * i / 4), 4, y + 4);
            g.setColor(new Color(220, 220, 220));
        }
        g.setColor(Color.GRAY);
        g.drawString("step " + steps[0], MARGIN, H - MARGIN + 18);
        g.drawString("step " + steps[steps.length - 1], MARGIN + pw - 70, H - MARGIN + 18);
        g.setStroke(new BasicStroke(1.6f));
        int k = 0;
        for (var e : smooth.entrySet()) {
            Color color = PALETTE[k % PALETTE.length];
            Path2D.Double path = new Path2D.Double();
            double[] s = e.getValue();
            for (int i = 0; i < s.length; i++) {
                double px = MARGIN + (steps[i] - x0) / (x1 - x0) * pw;
                double py = MARGIN + (hi - s[i]) / (hi - lo) * ph;
                if (i == 0) {
                    path.moveTo(px, py);
                } else {
                    path.lineTo(px, py);
                }
            }
            g.setColor(color);
            g.draw(path);
            g.fillRect(W - MARGIN - 110, 30 + 16 * k, 12, 3);
            g.drawString(e.getKey(), W - MARGIN - 92, 36 + 16 * k);
            k++;
        }
        g.dispose();
        return img;
    }

    private static double[] ema(double[] values, double decay) {
        double[] out = new double[values.length];
        double acc = values.length > 0 ? values[0] : 0;
        for (int i = 0; i < values.length; i++) {
            acc = decay * acc + (1 - decay) * values[i];
            out[i] = acc;
        }
        return out;
    }

}
