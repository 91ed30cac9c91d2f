package io.gan4j.core.train;

import java.util.SplittableRandom;

/**
 * {@code Seeds} derives independent seeds for every random stream of a run from the one user seed,
 * by a stream name and counters (SplitMix64 mixing), so no random state needs saving: the noise of
 * step 1234 is the same whether the run got there straight or after a resume.
 */
public final class Seeds {

    /** Stream of parameter initialization (the engine's generator). */
    public static final long INIT = 0x1A;
    /** Stream of latent noise drawn by training steps. */
    public static final long NOISE = 0x2B;
    /** Stream of the data order (one permutation per epoch). */
    public static final long DATA = 0x3C;
    /** Stream of the engine's generator during a step (dropout and engine-side sampling). */
    public static final long ENGINE = 0x4D;
    /** Stream of the fixed latent batch behind the sample grids. */
    public static final long GRID = 0x5E;
    /** Stream of synthetic datasets. */
    public static final long DATASET = 0x6F;
    /** Stream of the latent batches that measure an averaged generator's batch-norm statistics. */
    public static final long STANDING_STATISTICS = 0x70;
    /** Stream of the proposals that calibrate discriminator rejection sampling. */
    public static final long REJECTION = 0x81;

    private Seeds() {}

    /** Returns a seed mixed from a base seed and any number of stream identifiers and counters. */
    public static long mix(long seed, long... parts) {
        long h = splitMix(seed);
        for (long p : parts) {
            h = splitMix(h ^ splitMix(p + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    /** Returns a non-negative {@code int} seed for engines that take one. */
    public static int engineSeed(long seed, long... parts) {
        return (int) (mix(seed, parts) >>> 33);
    }

    /** Returns a uniformly random permutation of 0..n−1 fixed by {@code seed} (Fisher–Yates). */
    public static int[] permutation(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static long splitMix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
