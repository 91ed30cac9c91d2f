package io.gan4j.core.config;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code TrainingConfig} holds what the training loop needs beyond the variant: budget, batch,
 * update schedule, seed, optimizer settings and how often to log, sample and checkpoint.
 *
 * @param steps training steps, &gt; 0: each is {@code discriminatorSteps} discriminator updates, then
 *     {@code generatorSteps} generator updates
 * @param batchSize samples per real batch, &gt; 0
 * @param discriminatorSteps discriminator updates per step, &gt; 0
 * @param seed fixes every random stream of the run
 * @param adam optimizer settings for every optimizer group
 * @param learningRates per-group learning-rate overrides (two time-scale update rule), may be empty
 * @param logEvery steps between metrics-log lines (losses averaged over them), &gt; 0
 * @param sampleEvery steps between sample grids, 0 for none but the final one
 * @param checkpointEvery steps between checkpoints, 0 for none but the final one
 * @param keepCheckpoints how many checkpoints to keep, &gt; 0
 * @param emaDecay when &gt; 0, the decay β of an exponential moving average of the generator's weights
 *     (w̄ ← β·w̄ + (1 − β)·w after every step), which then makes the samples, the evaluations and
 *     {@code model/}; 0 for none
 * @param decaySteps learning rates stay constant until the last {@code decaySteps} steps of the
 *     budget, then decay linearly towards 0 (CycleGAN's schedule); 0 keeps them constant
 * @param standingSamples generator samples the averaged generator's batch-norm statistics are measured
 *     from ({@link #emaDecay()} only); 0 for the default, {@value #STANDING_SAMPLES_IMAGES} for images
 *     and {@value #STANDING_SAMPLES_VECTORS} for vectors (see {@link #standingSamplesFor})
 * @param generatorSteps generator updates per step, &gt; 0 (PacGAN's Stacked MNIST runs use 2 to keep D
 *     from winning); 0 reads as 1, as in run files written before this setting existed
 * @param frozen optimizer groups that are not updated (e.g. {@code generator}, to fine-tune a
 *     discriminator against a fixed generator); their objectives are still computed and logged; may
 *     be empty, null reads as empty
 */
public record TrainingConfig(
        long steps,
        int batchSize,
        int discriminatorSteps,
        long seed,
        AdamConfig adam,
        Map<String, Double> learningRates,
        int logEvery,
        int sampleEvery,
        int checkpointEvery,
        int keepCheckpoints,
        double emaDecay,
        long decaySteps,
        int standingSamples,
        int generatorSteps,
        Set<String> frozen) {

    // BigGAN measures 16 batches of 256. Vector generators (toy points, table rows) are ~100 times cheaper
    // per sample and can be very sensitive to their statistics: on a grid-25 generator, estimates from
    // 4,000 samples gave 48-76% high quality for different noise, 20,000 and 100,000 gave 59% and 57%.
    static final int STANDING_SAMPLES_IMAGES = 4000;
    static final int STANDING_SAMPLES_VECTORS = 50_000;

    /** Checks every field, naming it in the message. */
    public TrainingConfig {
        Objects.requireNonNull(adam, "adam is null");
        learningRates = Collections.unmodifiableMap(new TreeMap<>(learningRates));
        frozen = frozen == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(frozen));
        positive("steps", steps);
        positive("batch size", batchSize);
        positive("discriminator steps", discriminatorSteps);
        if (generatorSteps == 0) {
            generatorSteps = 1;
        }
        positive("generator steps", generatorSteps);
        positive("log interval", logEvery);
        positive("checkpoints to keep", keepCheckpoints);
        if (sampleEvery < 0) {
            throw new IllegalArgumentException("sample interval must be >= 0, was " + sampleEvery);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0, was " + checkpointEvery);
        }
        if (!(emaDecay >= 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("EMA decay must be in [0, 1) (0: off), was " + emaDecay);
        }
        if (decaySteps < 0 || decaySteps > steps) {
            throw new IllegalArgumentException("learning-rate decay steps must be in [0, steps=" + steps + "], was " + decaySteps);
        }
        if (standingSamples < 0) {
            throw new IllegalArgumentException("standing-statistics samples must be >= 0 (0: default), was " + standingSamples);
        }
        // Building the per-group settings validates each override like the main learning rate.
        learningRates.forEach((group, lr) -> adam.withLearningRate(lr));
    }

    /** Creates a configuration with constant learning rates and the default standing-statistics samples. */
    public TrainingConfig(long steps, int batchSize, int discriminatorSteps, long seed, AdamConfig adam,
            Map<String, Double> learningRates, int logEvery, int sampleEvery, int checkpointEvery, int keepCheckpoints,
            double emaDecay) {
        this(steps, batchSize, discriminatorSteps, seed, adam, learningRates, logEvery, sampleEvery, checkpointEvery,
                keepCheckpoints, emaDecay, 0, 0, 1, Set.of());
    }

    /** Creates a configuration without a weight average and with constant learning rates. */
    public TrainingConfig(long steps, int batchSize, int discriminatorSteps, long seed, AdamConfig adam,
            Map<String, Double> learningRates, int logEvery, int sampleEvery, int checkpointEvery, int keepCheckpoints) {
        this(steps, batchSize, discriminatorSteps, seed, adam, learningRates, logEvery, sampleEvery, checkpointEvery,
                keepCheckpoints, 0, 0, 0, 1, Set.of());
    }

    /** Returns a configuration with the usual defaults for the given budget, batch and seed. */
    public static TrainingConfig defaults(long steps, int batchSize, long seed) {
        return new TrainingConfig(steps, batchSize, 1, seed, AdamConfig.DCGAN, Map.of(), 10, 250, 500, 3);
    }

    /** Returns a copy with another step budget; the decay keeps its length, cut to the budget. */
    public TrainingConfig withSteps(long newSteps) {
        return new TrainingConfig(newSteps, batchSize, discriminatorSteps, seed, adam, learningRates,
                logEvery, sampleEvery, checkpointEvery, keepCheckpoints, emaDecay, Math.min(decaySteps, newSteps), standingSamples, generatorSteps, frozen);
    }

    /** Returns a copy whose learning rates decay linearly over the last {@code steps} steps (0: constant). */
    public TrainingConfig withDecaySteps(long newDecaySteps) {
        return new TrainingConfig(steps, batchSize, discriminatorSteps, seed, adam, learningRates,
                logEvery, sampleEvery, checkpointEvery, keepCheckpoints, emaDecay, newDecaySteps, standingSamples, generatorSteps, frozen);
    }

    /**
     * Returns the factor learning rates are multiplied by at {@code step} (0-based): 1 before the decay,
     * then (steps − step) / (decaySteps + 1), which falls linearly and stays above 0, as CycleGAN's
     * per-epoch rule 1 − max(0, e + 1 − n) / (n_decay + 1) does per step.
     */
    public double learningRateScale(long step) {
        long start = steps - decaySteps;
        return step < start ? 1 : (double) (steps - step) / (decaySteps + 1);
    }

    /** Returns a copy with another weight-average decay (0: none). */
    public TrainingConfig withEmaDecay(double decay) {
        return new TrainingConfig(steps, batchSize, discriminatorSteps, seed, adam, learningRates,
                logEvery, sampleEvery, checkpointEvery, keepCheckpoints, decay, decaySteps, standingSamples, generatorSteps, frozen);
    }

    /** Returns a copy that measures the averaged generator's batch-norm statistics from {@code samples} samples (0: default). */
    public TrainingConfig withStandingSamples(int samples) {
        return new TrainingConfig(steps, batchSize, discriminatorSteps, seed, adam, learningRates,
                logEvery, sampleEvery, checkpointEvery, keepCheckpoints, emaDecay, decaySteps, samples, generatorSteps, frozen);
    }

    /** Returns a copy with {@code updates} generator updates per step. */
    public TrainingConfig withGeneratorSteps(int updates) {
        return new TrainingConfig(steps, batchSize, discriminatorSteps, seed, adam, learningRates,
                logEvery, sampleEvery, checkpointEvery, keepCheckpoints, emaDecay, decaySteps, standingSamples, updates, frozen);
    }

    /** Returns a copy that leaves the given optimizer groups' networks as they are. */
    public TrainingConfig withFrozen(Set<String> groups) {
        return new TrainingConfig(steps, batchSize, discriminatorSteps, seed, adam, learningRates,
                logEvery, sampleEvery, checkpointEvery, keepCheckpoints, emaDecay, decaySteps, standingSamples, generatorSteps, groups);
    }

    /**
     * Returns how many samples to measure standing statistics from for a generator whose samples have
     * {@code sampleRank} dimensions: {@link #standingSamples()} when set, else
     * {@value #STANDING_SAMPLES_VECTORS} for vectors (rank 1) and {@value #STANDING_SAMPLES_IMAGES} otherwise.
     */
    public int standingSamplesFor(int sampleRank) {
        if (standingSamples > 0) {
            return standingSamples;
        }
        return sampleRank == 1 ? STANDING_SAMPLES_VECTORS : STANDING_SAMPLES_IMAGES;
    }

    /** Returns the Adam settings of one optimizer group, with its learning-rate override applied. */
    public AdamConfig adamFor(String group) {
        Double lr = learningRates.get(group);
        return lr == null ? adam : adam.withLearningRate(lr);
    }

    private static void positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value);
        }
    }
}
