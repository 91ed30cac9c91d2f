package org.example.plugins;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.data.DatasetFactory;
import java.util.Random;

/**
 * A dataset kind: {@code spiral[:N]}, N points (default 2,000) on a noisy two-armed spiral, drawn from
 * the run's seed. Samples are read by index into a float buffer, so data of any size can stream.
 */
public final class SpiralDataset implements Dataset {

    /** Opens {@code spiral[:N]}; a bad N gets a one-line error naming the argument. */
    public static final DatasetFactory FACTORY = DatasetFactory.of("spiral", "[N]",
            "points on a two-armed spiral, with the arm as label (docs example)", (argument, seed) -> {
                int n;
                try {
                    n = argument.isEmpty() ? 2000 : Integer.parseInt(argument);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("spiral:N expects a number of points, got '" + argument + "'");
                }
                if (n < 2) {
                    throw new IllegalArgumentException("spiral:N needs at least 2 points, got " + n);
                }
                return new SpiralDataset(n, seed);
            });

    private final float[] points;
    private final int[] arms;

    private SpiralDataset(int n, long seed) {
        Random random = new Random(seed);
        points = new float[2 * n];
        arms = new int[n];
        for (int i = 0; i < n; i++) {
            double t = 3 * Math.PI * random.nextDouble();
            arms[i] = i % 2;
            double sign = arms[i] == 0 ? 1 : -1;
            points[2 * i] = (float) (sign * t * Math.cos(t) / 5 + 0.05 * random.nextGaussian());
            points[2 * i + 1] = (float) (sign * t * Math.sin(t) / 5 + 0.05 * random.nextGaussian());
        }
    }

    @Override
    public String description() {
        return "spiral:" + arms.length;
    }

    @Override
    public int size() {
        return arms.length;
    }

    @Override
    public Shape sampleShape() {
        return new Shape(2);
    }

    @Override
    public int numClasses() {
        return 2;
    }

    @Override
    public void read(int index, float[] into, int offset) {
        System.arraycopy(points, 2 * index, into, offset, 2);
    }

    @Override
    public int label(int index) {
        return arms[index];
    }
}
