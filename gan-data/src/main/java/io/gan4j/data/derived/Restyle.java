package io.gan4j.data.derived;

import java.util.Arrays;
import java.util.Locale;

/**
 * A {@code Restyle} is a known, deterministic image transform that turns one image domain into
 * another with the same content, for translation demos and tests where the true mapping
 * must be known. Works on (C, H, W) samples in [-1, 1], channel by channel.
 */
public enum Restyle {

    /** Negative: x → −x (white digits on black become black on white). */
    INVERT {
        @Override
        void apply(float[] x, int offset, int channels, int h, int w) {
            for (int i = offset; i < offset + channels * h * w; i++) {
                x[i] = -x[i];
            }
        }
    },
    /** Thicker strokes: the maximum over each 3×3 neighbourhood (grey dilation). */
    THICKEN {
        @Override
        void apply(float[] x, int offset, int channels, int h, int w) {
            filter3x3(x, offset, channels, h, w, true);
        }
    },
    /** Thinner strokes: the minimum over each 3×3 neighbourhood (grey erosion). */
    THIN {
        @Override
        void apply(float[] x, int offset, int channels, int h, int w) {
            filter3x3(x, offset, channels, h, w, false);
        }
    },
    /** Mirror image: left and right swapped. */
    MIRROR {
        @Override
        void apply(float[] x, int offset, int channels, int h, int w) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < h; y++) {
                    int row = offset + (c * h + y) * w;
                    for (int i = 0, j = w - 1; i < j; i++, j--) {
                        float t = x[row + i];
                        x[row + i] = x[row + j];
                        x[row + j] = t;
                    }
                }
            }
        }
    },
    /**
     * Edge map (pix2pix's edges → photo task): white (1) where the Sobel gradient magnitude of the image,
     * read in [0, 1] with the border repeated, is at least {@value #EDGE_THRESHOLD} of a full black-to-white
     * step's, black (−1) elsewhere.
     */
    EDGES {
        @Override
        void apply(float[] x, int offset, int channels, int h, int w) {
            float[] p = new float[h * w];
            for (int c = 0; c < channels; c++) {
                int base = offset + c * h * w;
                for (int i = 0; i < h * w; i++) {
                    p[i] = (x[base + i] + 1) / 2;
                }
                for (int y = 0; y < h; y++) {
                    for (int col = 0; col < w; col++) {
                        int up = Math.max(0, y - 1) * w;
                        int mid = y * w;
                        int down = Math.min(h - 1, y + 1) * w;
                        int left = Math.max(0, col - 1);
                        int right = Math.min(w - 1, col + 1);
                        float gx = p[up + right] + 2 * p[mid + right] + p[down + right] - p[up + left] - 2 * p[mid + left] - p[down + left];
                        float gy = p[down + left] + 2 * p[down + col] + p[down + right] - p[up + left] - 2 * p[up + col] - p[up + right];
                        // A full step from 0 to 1 gives a magnitude of 4.
                        x[base + mid + col] = Math.sqrt(gx * gx + gy * gy) >= 4 * EDGE_THRESHOLD ? 1f : -1f;
                    }
                }
            }
        }
    };

    /** The fraction of a full step's gradient from which {@link #EDGES} marks a pixel as edge. */
    public static final double EDGE_THRESHOLD = 0.25;

    /** Transforms one (channels, h, w) image in place, starting at {@code offset}. */
    abstract void apply(float[] x, int offset, int channels, int h, int w);

    /** Returns the transform named {@code name} (case-insensitive), with a message listing the names otherwise. */
    public static Restyle parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown restyle transform '" + name.trim() + "'; expected one of "
                    + Arrays.stream(values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private static void filter3x3(float[] x, int offset, int channels, int h, int w, boolean max) {
        float[] plane = new float[h * w];
        for (int c = 0; c < channels; c++) {
            int base = offset + c * h * w;
            System.arraycopy(x, base, plane, 0, h * w);
            for (int y = 0; y < h; y++) {
                for (int col = 0; col < w; col++) {
                    float best = plane[y * w + col];
                    for (int dy = Math.max(0, y - 1); dy <= Math.min(h - 1, y + 1); dy++) {
                        for (int dx = Math.max(0, col - 1); dx <= Math.min(w - 1, col + 1); dx++) {
                            float v = plane[dy * w + dx];
                            best = max ? Math.max(best, v) : Math.min(best, v);
                        }
                    }
                    x[base + y * w + col] = best;
                }
            }
        }
    }
}
