package io.gan4j.eval.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small, dependency-free SVG charts for the report: lines over steps (several runs overlaid, optional
 * horizontal reference lines) and grouped bars. Drawn on the server side so the page needs no script
 * to show them and stays readable with JavaScript off; each line and point carries a {@code <title>}
 * tooltip with its exact value.
 */
final class SvgChart {

    /** Tableau 10, distinguishable and readable on white. */
    static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
        "#9c755f", "#bab0ac"};

    private static final int W = 600;
    private static final int H = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 44;

    /**
     * One line.
     *
     * @param name legend and tooltip name
     * @param color CSS color
     * @param x x values
     * @param y y values (non-finite ones leave a gap)
     */
    record Series(String name, String color, double[] x, double[] y) {

        /** Returns the exponential moving average of y (TensorBoard's smoothing, weight {@code w}), gaps left as gaps. */
        double[] smoothed(double w) {
            double[] out = new double[y.length];
            double last = Double.NaN;
            for (int i = 0; i < y.length; i++) {
                last = !Double.isFinite(y[i]) ? Double.NaN : Double.isNaN(last) ? y[i] : w * last + (1 - w) * y[i];
                out[i] = last;
            }
            return out;
        }
    }

    /** Smoothed charts draw series longer than this faint, with an EMA-smoothed line over them. */
    static final int SMOOTH_ABOVE = 40;

    /** The smoothing weight. */
    static final double SMOOTHING = 0.8;

    /**
     * A reference line, e.g. an alarm threshold.
     *
     * @param label its label
     * @param at where, on the y axis (horizontal line) or the x axis (vertical line)
     * @param vertical whether it crosses the x axis
     */
    record Rule(String label, double at, boolean vertical) {

        /** Returns a horizontal line at {@code y}. */
        static Rule horizontal(String label, double y) {
            return new Rule(label, y, false);
        }

        /** Returns a vertical line at {@code x}. */
        static Rule vertical(String label, double x) {
            return new Rule(label, x, true);
        }
    }

    private SvgChart() {}

    /** Returns a line chart, unsmoothed. */
    static String lines(String title, String xLabel, List<Series> series, List<Rule> rules) {
        return lines(title, xLabel, series, rules, false);
    }

    /**
     * Returns a line chart; with {@code smooth}, series longer than {@link #SMOOTH_ABOVE} are drawn faint
     * with their EMA over them (for noisy losses).
     */
    static String lines(String title, String xLabel, List<Series> series, List<Rule> rules, boolean smooth) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.y()[i]) && Double.isFinite(s.x()[i])) {
                    x0 = Math.min(x0, s.x()[i]);
                    x1 = Math.max(x1, s.x()[i]);
                    y0 = Math.min(y0, s.y()[i]);
                    y1 = Math.max(y1, s.y()[i]);
                }
            }
        }
        for (Rule r : rules) {
            if (r.vertical()) {
                x0 = Math.min(x0, r.at());
                x1 = Math.max(x1, r.at());
            } else {
                y0 = Math.min(y0, r.at());
                y1 = Math.max(y1, r.at());
            }
        }
        if (!Double.isFinite(x0)) {
            return "";
        }
        if (x1 == x0) {
            x0 -= 1;
            x1 += 1;
        }
        if (y1 == y0) {
            y0 -= Math.max(1e-9, Math.abs(y0) * 0.1);
            y1 += Math.max(1e-9, Math.abs(y1) * 0.1);
        }
        double pad = (y1 - y0) * 0.05;
        Frame f = new Frame(x0, x1, y0 - pad, y1 + pad);
        StringBuilder svg = open(title);
        f.axes(svg, xLabel);
        for (Rule r : rules) {
            if (r.vertical()) {
                double x = f.px(r.at());
                svg.append(String.format(Locale.ROOT, "<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='#c00' stroke-dasharray='5 4'>"
                        + "<title>%s: %s</title></line>", x, x, TOP, H - BOTTOM, esc(r.label()), num(r.at())));
                svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='11' fill='#c00'>%s</text>", x + 4, TOP + 10,
                        esc(r.label())));
            } else {
                double y = f.py(r.at());
                svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#c00' stroke-dasharray='5 4'>"
                        + "<title>%s: %s</title></line>", LEFT, W - RIGHT, y, y, esc(r.label()), num(r.at())));
                svg.append(String.format(Locale.ROOT, "<text x='%d' y='%.1f' font-size='11' fill='#c00' text-anchor='end'>%s</text>",
                        W - RIGHT - 4, y - 4, esc(r.label())));
            }
        }
        for (Series s : series) {
            boolean smoothed = smooth && s.x().length > SMOOTH_ABOVE;
            polyline(svg, f, s, s.y(), smoothed ? " stroke-opacity='0.25'" : "");
            if (smoothed) {
                polyline(svg, f, s, s.smoothed(SMOOTHING), "");
            }
            if (s.x().length <= 60 && !smoothed) {
                for (int i = 0; i < s.x().length; i++) {
                    if (Double.isFinite(s.y()[i])) {
                        svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='2.6' fill='%s'><title>%s, step %s: %s</title></circle>",
                                f.px(s.x()[i]), f.py(s.y()[i]), s.color(), esc(s.name()), num(s.x()[i]), num(s.y()[i])));
                    }
                }
            }
        }
        if (series.size() <= 4) {  // more runs: the page's legend above the charts names them
            legend(svg, series.stream().map(Series::name).toList(), series.stream().map(Series::color).toList());
        }
        return svg.append("</svg>").toString();
    }

    /** Draws one series' values as polylines, broken where values are not finite. */
    private static void polyline(StringBuilder svg, Frame f, Series s, double[] y, String style) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= s.x().length; i++) {
            if (i == s.x().length || !Double.isFinite(y[i])) {
                if (points.length() > 0) {
                    svg.append("<polyline fill='none' stroke-width='1.6' stroke='").append(s.color()).append("'").append(style)
                            .append(" points='").append(points.toString().strip()).append("'><title>").append(esc(s.name()))
                            .append("</title></polyline>");
                    points.setLength(0);
                }
                continue;
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.px(s.x()[i]), f.py(y[i])));
        }
    }

    /**
     * Returns a grouped bar chart: for each category, one bar per series.
     *
     * @param categories the categories' labels
     * @param names the series' names
     * @param values values[series][category]
     */
    static String bars(String title, List<String> categories, List<String> names, double[][] values) {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        Frame f = new Frame(0, categories.size(), 0, max > 0 ? max * 1.08 : 1);
        StringBuilder svg = open(title);
        f.yAxis(svg);
        double slot = (double) (W - LEFT - RIGHT) / categories.size();
        double bar = slot * 0.8 / names.size();
        for (int c = 0; c < categories.size(); c++) {
            for (int s = 0; s < names.size(); s++) {
                double x = LEFT + c * slot + slot * 0.1 + s * bar;
                double y = f.py(values[s][c]);
                svg.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s, %s: %s</title></rect>",
                        x, y, bar, f.py(0) - y, PALETTE[s % PALETTE.length], esc(names.get(s)), esc(categories.get(c)), num(values[s][c])));
            }
            svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='11' text-anchor='middle'>%s</text>",
                    LEFT + (c + 0.5) * slot, H - BOTTOM + 16, esc(categories.get(c))));
        }
        List<String> colors = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            colors.add(PALETTE[s % PALETTE.length]);
        }
        legend(svg, names, colors);
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' class='chart' viewBox='0 0 %d %d' width='%d' height='%d' role='img' aria-label='%s'>",
                W, H, W, H, esc(title)));
        svg.append("<rect width='100%' height='100%' fill='#fff'/>");
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='18' font-size='13' font-weight='600'>%s</text>", LEFT, esc(title)));
        return svg;
    }

    private static void legend(StringBuilder svg, List<String> names, List<String> colors) {
        if (names.size() < 2) {
            return;
        }
        double x = LEFT;
        double y = H - 8;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).length() > 28 ? names.get(i).substring(0, 27) + "…" : names.get(i);
            double width = 22 + name.length() * 6.2;
            if (x + width > W - RIGHT && x > LEFT) {
                break;  // the tooltips name the rest; the run table lists every run with its colour
            }
            svg.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='12' height='8' fill='%s'/>"
                    + "<text x='%.1f' y='%.1f' font-size='11'>%s</text>", x, y - 8, colors.get(i), x + 16, y, esc(name)));
            x += width;
        }
    }

    /** Maps data to the plot area and draws the axes with rounded ticks. */
    private record Frame(double x0, double x1, double y0, double y1) {

        double px(double x) {
            return LEFT + (x - x0) / (x1 - x0) * (W - LEFT - RIGHT);
        }

        double py(double y) {
            return H - BOTTOM - (y - y0) / (y1 - y0) * (H - TOP - BOTTOM);
        }

        void axes(StringBuilder svg, String xLabel) {
            yAxis(svg);
            for (double t : ticks(x0, x1)) {
                svg.append(String.format(Locale.ROOT, "<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='#999'/>"
                        + "<text x='%.1f' y='%d' font-size='11' text-anchor='middle'>%s</text>", px(t), px(t), H - BOTTOM, H - BOTTOM + 4,
                        px(t), H - BOTTOM + 16, num(t)));
            }
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11' text-anchor='end' fill='#555'>%s</text>", W - RIGHT,
                    H - BOTTOM + 30, esc(xLabel)));
        }

        void yAxis(StringBuilder svg) {
            svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%d' y2='%d' stroke='#999'/>", LEFT, W - RIGHT, H - BOTTOM,
                    H - BOTTOM));
            for (double t : ticks(y0, y1)) {
                svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/>"
                        + "<text x='%d' y='%.1f' font-size='11' text-anchor='end'>%s</text>", LEFT, W - RIGHT, py(t), py(t), LEFT - 6,
                        py(t) + 4, num(t)));
            }
        }
    }

    /** Returns about five round tick values in [lo, hi]. */
    static List<Double> ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3 ? 2 * magnitude : raw / magnitude < 7 ? 5 * magnitude
                : 10 * magnitude;
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    /** Formats a number compactly (4 significant digits). */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
    }
}
