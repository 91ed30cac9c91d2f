package io.gan4j.eval.prdc;

import io.gan4j.core.features.Distances;
import io.gan4j.core.features.FeatureMatrix;

/**
 * {@code PrecisionRecall} computes the k-nearest-neighbour manifold metrics of generated samples
 * against real ones, as the reference implementation of Naeem et al. ({@code prdc}) computes them:
 * <ul>
 *   <li>precision and recall (Kynkäänniemi et al. 2019, default k = 3): the fraction of generated
 *       samples inside some real sample's k-NN ball, and of real samples inside some generated
 *       sample's ball;
 *   <li>density and coverage (Naeem et al. 2020, default k = 5): the mean number of real balls a
 *       generated sample falls in, divided by k; the fraction of real balls that contain a generated
 *       sample.
 * </ul>
 * A ball of radius r contains points at distance strictly less than r; a sample's radius is the
 * distance to its k-th nearest neighbour in its own set, itself excluded.
 */
public final class PrecisionRecall {

    private PrecisionRecall() {}

    /**
     * The four metrics.
     *
     * @param precision fraction of generated samples on the real manifold
     * @param recall fraction of real samples on the generated manifold
     * @param density mean real-ball count of generated samples / k (can exceed 1)
     * @param coverage fraction of real balls hit by a generated sample
     */
    public record Result(double precision, double recall, double density, double coverage) {}

    /** Returns precision and recall with {@code kPr} and density and coverage with {@code kDc}. */
    public static Result compute(FeatureMatrix real, FeatureMatrix fake, int kPr, int kDc) {
        return compute(Distances.kthNeighbourDistances(real, kPr, kDc), real, fake, kPr, kDc);  // one pass for both radii
    }

    /**
     * Returns the four metrics from the real samples' radii computed before ({@code
     * Distances.kthNeighbourDistances(real, kPr, kDc)}, e.g. kept with the reference set's features).
     */
    public static Result compute(double[][] realRadii, FeatureMatrix real, FeatureMatrix fake, int kPr, int kDc) {
        if (realRadii.length != 2 || realRadii[0].length != real.rows() || realRadii[1].length != real.rows()) {
            throw new IllegalArgumentException("realRadii must hold the k = " + kPr + " and k = " + kDc + " radii of the " + real.rows()
                    + " real rows");
        }
        double[] realRadiiPr = realRadii[0];
        double[] realRadiiDc = realRadii[1];
        double[] fakeRadiiPr = Distances.kthNeighbourDistances(fake, kPr);
        boolean[] fakeOnReal = new boolean[fake.rows()];
        boolean[] realOnFake = new boolean[real.rows()];
        boolean[] realCovered = new boolean[real.rows()];
        long[] densityCount = {0};
        int m = fake.rows();
        Distances.euclidean(real, fake, 512, (start, rows, block) -> {
            for (int i = 0; i < rows; i++) {
                int r = start + i;
                for (int j = 0; j < m; j++) {
                    double dist = block[i * m + j];
                    if (dist < realRadiiPr[r]) {
                        fakeOnReal[j] = true;
                    }
                    if (dist < fakeRadiiPr[j]) {
                        realOnFake[r] = true;
                    }
                    if (dist < realRadiiDc[r]) {
                        densityCount[0]++;
                        realCovered[r] = true;
                    }
                }
            }
        });
        return new Result(fraction(fakeOnReal), fraction(realOnFake), densityCount[0] / ((double) kDc * m), fraction(realCovered));
    }

    private static double fraction(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            if (f) {
                n++;
            }
        }
        return n / (double) flags.length;
    }
}
