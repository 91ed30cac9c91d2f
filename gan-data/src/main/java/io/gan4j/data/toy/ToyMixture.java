package io.gan4j.data.toy;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A {@code ToyMixture} is a 2-D mixture of equally weighted isotropic Gaussians, the standard
 * mode-collapse benchmark of VEEGAN (Srivastava et al. 2017) and PacGAN (Lin et al. 2018):
 * {@link #ring8()} puts 8 modes on a circle of radius 2 with σ = 0.02, {@link #grid25()} 25 modes
 * on the grid {−4, −2, 0, 2, 4}² with σ = 0.05.
 *
 * @param name kebab-case name
 * @param centers mode centres, each {x, y}
 * @param sigma standard deviation of every mode
 */
public record ToyMixture(String name, List<double[]> centers, double sigma) {

    /** Checks the fields. */
    public ToyMixture {
        centers = List.copyOf(centers);
        if (centers.isEmpty() || !(sigma > 0)) {
            throw new IllegalArgumentException("a mixture needs modes and sigma > 0");
        }
    }

    /** Returns the ring of 8 Gaussians. */
    public static ToyMixture ring8() {
        List<double[]> c = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double a = 2 * Math.PI * k / 8;
            c.add(new double[] {2 * Math.cos(a), 2 * Math.sin(a)});
        }
        return new ToyMixture("ring8", c, 0.02);
    }

    /** Returns the 5×5 grid of 25 Gaussians. */
    public static ToyMixture grid25() {
        List<double[]> c = new ArrayList<>();
        for (int i = -2; i <= 2; i++) {
            for (int j = -2; j <= 2; j++) {
                c.add(new double[] {2.0 * i, 2.0 * j});
            }
        }
        return new ToyMixture("grid25", c, 0.05);
    }

    /**
     * Draws a dataset of {@code n} points; each point's mode is its label.
     *
     * @param n number of points
     * @param seed fixes the points
     */
    public Dataset sample(int n, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + ": sample count must be > 0, was " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] xy = new float[2 * n];
        byte[] modes = new byte[n];
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(centers.size());
            modes[i] = (byte) k;
            xy[2 * i] = (float) (centers.get(k)[0] + sigma * random.nextGaussian());
            xy[2 * i + 1] = (float) (centers.get(k)[1] + sigma * random.nextGaussian());
        }
        String description = name + " (" + n + " points, " + centers.size() + " modes, sigma " + sigma + ", seed " + seed + ")";
        return new PointDataset(description, xy, modes, centers.size());
    }

    /** An in-memory 2-D point dataset labelled by mode. */
    private record PointDataset(String description, float[] xy, byte[] modes, int numClasses) implements Dataset {

        @Override
        public int size() {
            return modes.length;
        }

        @Override
        public Shape sampleShape() {
            return new Shape(2);
        }

        @Override
        public void read(int index, float[] into, int offset) {
            into[offset] = xy[2 * index];
            into[offset + 1] = xy[2 * index + 1];
        }

        @Override
        public int label(int index) {
            return modes[index] & 0xFF;
        }
    }
}
