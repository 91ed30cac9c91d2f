package io.gan4j.core.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * {@code ScoreHistogram} draws histograms of score sets on shared bins (e.g. the scores of the
 * inputs and of normal validation data) with a vertical line at a threshold.
 */
public final class ScoreHistogram {

    private static final Color[] PALETTE = {new Color(31, 119, 180, 150), new Color(255, 127, 14, 150), new Color(44, 160, 44, 150)};
    private static final int W = 800;
    private static final int H = 420;
    private static final int MARGIN = 56;
    private static final int BINS = 50;

    private ScoreHistogram() {}

    /**
     * Renders the histograms, each normalized to its own total so sets of different sizes compare.
     *
     * @param series scores by name (at most three sets)
     * @param threshold where to draw the threshold line, or NaN for none
     * @param title chart title
     * @return the picture
     */
    public static BufferedImage render(Map<String, double[]> series, double threshold, String title) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] s : series.values()) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (Double.isFinite(threshold)) {
            lo = Math.min(lo, threshold);
            hi = Math.max(hi, threshold);
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double[][] shares = new double[series.size()][BINS];
        double top = 0;
        int k = 0;
        for (double[] s : series.values()) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    shares[k][Math.min(BINS - 1, (int) ((v - lo) / (hi - lo) * BINS))] += 1.0 / s.length;
                }
            }
            for (double share : shares[k]) {
                top = Math.max(top, share);
            }
            k++;
        }
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString(title, MARGIN, 20);
        int pw = W - 2 * MARGIN;
        int ph = H - 2 * MARGIN;
        g.setColor(Color.GRAY);
        g.drawLine(MARGIN, MARGIN + ph, MARGIN + pw, MARGIN + ph);
        g.drawString(String.format("%.4g", lo), MARGIN, H - MARGIN + 18);
        g.drawString(String.format("%.4g", hi), MARGIN + pw - 60, H - MARGIN + 18);
        g.drawString(String.format("%.0f%%", top * 100), 8, MARGIN + 4);
        k = 0;
        for (String name : series.keySet()) {
            g.setColor(PALETTE[k % PALETTE.length]);
            for (int b = 0; b < BINS; b++) {
                int barHeight = (int) Math.round(shares[k][b] / Math.max(top, 1e-12) * ph);
                g.fillRect(MARGIN + b * pw / BINS, MARGIN + ph - barHeight, Math.max(1, pw / BINS - 1), barHeight);
            }
            g.fillRect(MARGIN + pw - 150, MARGIN + 16 * k, 12, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString(name + " (" + series.get(name).length + ")", MARGIN + pw - 132, MARGIN + 16 * k + 11);
            k++;
        }
        if (Double.isFinite(threshold)) {
            int x = MARGIN + (int) Math.round((threshold - lo) / (hi - lo) * pw);
            g.setColor(new Color(214, 39, 40));
            g.setStroke(new BasicStroke(2f));
            g.drawLine(x, MARGIN, x, MARGIN + ph);
            g.drawString(String.format("threshold %.4g", threshold), Math.min(x + 4, W - 130), MARGIN - 6);
        }
        g.dispose();
        return img;
    }
}
