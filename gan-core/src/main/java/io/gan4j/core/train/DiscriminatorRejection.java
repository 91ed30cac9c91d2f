package io.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gan4j.core.layer.Pack;
import io.gan4j.core.layer.StandingStatistics;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.Generator;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * {@code DiscriminatorRejection} draws a generator's samples through discriminator rejection sampling
 * (DRS; Azadi et al., ICLR 2019): each proposal x = G(z) is kept with probability σ(F(x)),
 *
 * <pre>F(x) = D̃(x) − D̃* − log(1 − exp(D̃(x) − D̃* − ε)) − γ,</pre>
 *
 * where D̃ is the discriminator's logit, D̃* its largest value seen while calibrating, ε = 1e-6 keeps the
 * logarithm finite, and γ is the {@code percentile}-th percentile of F over the calibration proposals.
 *
 * <p>Why it helps: the optimal discriminator of the non-saturating (minimax) loss has the logit
 * log p_data(x) / p_G(x), so keeping x with probability proportional to exp(D̃(x)) turns p_G into p_data;
 * with γ = 0, σ(F) is exactly exp(D̃ − D̃*). A larger γ keeps fewer samples, a smaller one more (the paper's
 * trade-off). The correction is only as good as D's estimate of the ratio for the generator being
 * sampled: fine-tune D against it first when sampling uses other weights than D was trained against
 * (e.g. a weight average).
 *
 * <p>A packed discriminator (PacGAN, {@link Pack}) judges m consecutive samples at once; its optimal logit
 * is the sum of their log ratios, the log ratio of the pack's density under p_data^m and p_G^m. So whole
 * packs are kept or rejected: kept packs follow p_data^m, and each of their samples p_data. D̃*, γ and
 * the acceptance are then per pack.
 *
 * <p>Both networks run in inference mode. In training, D's batch norms normalized each batch of fakes
 * with its own statistics, while its running statistics average real and fake batches; so calibration
 * first sets them to the statistics of the calibration proposals ({@link StandingStatistics}), and D
 * judges proposals as it judged fakes. This replaces the discriminator's running statistics.
 *
 * <p>Noise and the accept/reject draws come from explicit seeds, so the samples depend on the seed (and
 * the classes asked for) only. Calibration fixes D̃* and γ; a logit above D̃* later is kept with
 * probability ≈ 1.
 */
public final class DiscriminatorRejection {

    /** Proposals the calibration scores by default. */
    public static final int CALIBRATION_SAMPLES = 10_000;

    private static final double EPSILON = 1e-6;
    private static final int CHUNK = 500;
    private static final int MAX_ROUNDS = 10_000;

    private final Generator generator;
    private final Discriminator discriminator;
    private final int packSize;
    private final double[] calibrationLogits;
    private final double maxLogit;
    private final double gamma;

    private DiscriminatorRejection(Generator generator, Discriminator discriminator, int packSize, double[] calibrationLogits,
            double gamma) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.packSize = packSize;
        this.calibrationLogits = calibrationLogits;
        this.maxLogit = Arrays.stream(calibrationLogits).max().orElse(0);
        this.gamma = gamma;
    }

    /**
     * Scores {@code samples} generator proposals with the discriminator and fixes D̃* and γ from them.
     *
     * @param generator makes the proposals
     * @param discriminator scores them; one logit per sample (or per pack), conditioned on the class when it is
     *     conditional; its batch norms' running statistics become those of the proposals
     * @param samples proposals to calibrate on, &ge; 100 (rounded up to whole packs)
     * @param percentile γ is this percentile of F over them, in [0, 100]
     * @param classCounts for a conditional generator, the training data's class counts, whose proportions
     *     the proposals follow (null: balanced classes); see {@link Sampling#labels}
     * @param seed fixes the calibration noise
     * @param manager a parent for the arrays made; they are released before returning
     * @throws IllegalArgumentException when the networks do not fit together or D gives no per-sample (per-pack) logit
     */
    public static DiscriminatorRejection calibrate(Generator generator, Discriminator discriminator, int samples,
            double percentile, int[] classCounts, long seed, NDManager manager) {
        if (samples < 100) {
            throw new IllegalArgumentException("rejection sampling needs >= 100 calibration samples, got " + samples);
        }
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("the rejection percentile must be in [0, 100], got " + percentile);
        }
        discriminator.checkFits(generator);
        if (discriminator.numClasses() > 0 && generator.numClasses() == 0) {
            // The proposals' labels come from the generator.
            throw new IllegalArgumentException("a conditional discriminator (" + discriminator.numClasses()
                    + " classes) needs a conditional generator");
        }
        int m = Pack.sizeIn(discriminator.block());
        DiscriminatorRejection probe = new DiscriminatorRejection(generator, discriminator, m, new double[0], 0);
        int total = ((samples + m - 1) / m) * m;
        int chunkSize = CHUNK / m * m;
        int[] labels = Sampling.labels(generator, total, classCounts);
        double[] logits = new double[total / m];
        Runnable scoreAll = () -> {
            for (int start = 0, chunk = 0; start < total; start += chunkSize, chunk++) {
                int n = Math.min(chunkSize, total - start);
                int[] chunkLabels = labels == null ? null : Arrays.copyOfRange(labels, start, start + n);
                try (NDManager scope = manager.newSubManager()) {
                    float[] scores = probe.score(probe.propose(chunkLabels, n, Seeds.mix(seed, chunk), scope), chunkLabels, scope);
                    for (int i = 0; i < scores.length; i++) {
                        logits[start / m + i] = scores[i];
                    }
                }
            }
        };
        // The first pass measures the proposals' statistics (a D without batch norms skips it), the second scores with them.
        StandingStatistics.recompute(discriminator.block(), scoreAll);
        scoreAll.run();
        double max = Arrays.stream(logits).max().orElseThrow();
        double[] f = Arrays.stream(logits).map(l -> shifted(l, max, 0)).sorted().toArray();
        return new DiscriminatorRejection(generator, discriminator, m, logits,
                f[(int) Math.min(f.length - 1, Math.floor(percentile / 100 * f.length))]);
    }

    /**
     * Returns a copy with γ set to {@code gamma} instead of the percentile's; 0 makes it plain rejection
     * sampling by the estimated density ratio.
     */
    public DiscriminatorRejection withGamma(double gamma) {
        if (!Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite, got " + gamma);
        }
        return new DiscriminatorRejection(generator, discriminator, packSize, calibrationLogits, gamma);
    }

    /** Returns the generator whose samples are drawn. */
    public Generator generator() {
        return generator;
    }

    /** Returns how many samples D judges at once, and so are kept or rejected together: 1 unless D is packed. */
    public int packSize() {
        return packSize;
    }

    /** Returns D̃*, the largest logit seen while calibrating. */
    public double maxLogit() {
        return maxLogit;
    }

    /** Returns γ. */
    public double gamma() {
        return gamma;
    }

    /** Returns the share of calibration proposals (or packs) expected to be kept: the mean of σ(F). */
    public double acceptance() {
        return Arrays.stream(calibrationLogits).map(l -> keepProbability(shifted(l, maxLogit, gamma))).average().orElseThrow();
    }

    /**
     * Returns {@code count} kept samples from seed {@code seed}; a conditional generator makes sample i of
     * class {@code labels[i]}, an unconditional one takes null labels.
     *
     * @return (count, sampleShape...) attached to {@code manager}
     * @throws IllegalStateException when a sample is still rejected after many proposals
     */
    public NDArray generate(int count, int[] labels, long seed, NDManager manager) {
        Sampling.checkLabels(generator, count, labels);
        int m = packSize;
        // Slots are whole packs; the last may run past count (its extra samples repeat the first labels and are dropped).
        int packs = (count + m - 1) / m;
        int[] packedLabels = labels == null ? null : IntStream.range(0, packs * m).map(i -> labels[i % count]).toArray();
        int packValues = m * Math.toIntExact(generator.sampleShape().size());
        float[] kept = new float[packs * packValues];
        int[] pending = new int[packs];
        Arrays.setAll(pending, i -> i);
        int open = packs;
        SplittableRandom draws = new SplittableRandom(Seeds.mix(seed, -1));
        for (int round = 0; open > 0; round++) {
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException("rejection sampling kept nothing for " + open + " of " + packs
                        + (m == 1 ? " samples" : " packs") + " in " + MAX_ROUNDS + " rounds (expected acceptance " + acceptance() + ")");
            }
            int stillOpen = 0;
            for (int start = 0; start < open; start += CHUNK / m) {
                int n = Math.min(CHUNK / m, open - start);
                int[] slots = Arrays.copyOfRange(pending, start, start + n);
                int[] chunkLabels = packedLabels == null ? null
                        : Arrays.stream(slots).flatMap(s -> Arrays.stream(packedLabels, s * m, s * m + m)).toArray();
                try (NDManager scope = manager.newSubManager()) {
                    NDArray proposals = propose(chunkLabels, n * m, Seeds.mix(seed, round, start), scope);
                    float[] logits = score(proposals, chunkLabels, scope);
                    float[] values = proposals.toFloatArray();
                    for (int i = 0; i < n; i++) {
                        if (draws.nextDouble() < keepProbability(shifted(logits[i], maxLogit, gamma))) {
                            System.arraycopy(values, i * packValues, kept, slots[i] * packValues, packValues);
                        } else {
                            pending[stillOpen++] = slots[i];
                        }
                    }
                }
            }
            open = stillOpen;
        }
        float[] samples = Arrays.copyOf(kept, count * (packValues / m));
        return manager.create(samples, new Shape(count).addAll(generator.sampleShape()));
    }

    private NDArray propose(int[] labels, int n, long seed, NDManager scope) {
        NDArray z = Noise.normal(scope, new Shape(n).addAll(generator.latentShape()), seed);
        NDList inputs = labels == null ? new NDList(z) : new NDList(z, scope.create(labels));
        return generator.block().forward(new ParameterStore(scope, false), inputs, false).singletonOrThrow();
    }

    private float[] score(NDArray samples, int[] labels, NDManager scope) {
        long n = samples.getShape().get(0);
        NDList inputs = discriminator.numClasses() == 0 ? new NDList(samples) : new NDList(samples, scope.create(labels));
        NDArray logits = discriminator.block().forward(new ParameterStore(scope, false), inputs, false).get(0);
        if (logits.size() * packSize != n) {
            throw new IllegalArgumentException("rejection sampling needs one logit per " + (packSize == 1 ? "sample" : "pack of " + packSize)
                    + ", but the discriminator gives " + logits.getShape() + " for " + n + " samples (a patch discriminator?)");
        }
        return logits.toFloatArray();
    }

    /** Returns F for logit {@code l}, D̃* = {@code max} and γ = {@code gamma}; logits above D̃* count as D̃*. */
    private static double shifted(double l, double max, double gamma) {
        double a = Math.min(l - max, 0);
        return a - Math.log1p(-Math.exp(a - EPSILON)) - gamma;
    }

    private static double keepProbability(double f) {
        return 1 / (1 + Math.exp(-f));
    }
}
