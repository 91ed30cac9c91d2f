package io.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Set;

/**
 * A {@code RunConfig} is a run as a person writes it down: any subset of the settings of a {@link
 * RunSpec}, under the same keys, so that a {@code run.json}'s {@code spec} is itself a complete config.
 * A key left out (null) takes its default when the run is resolved; {@code training.epochs} may
 * stand for {@code training.steps}. Read one with {@link RunConfigFile#read}.
 *
 * @param variant variant plugin name
 * @param variantOptions variant options
 * @param loss loss plugin name
 * @param lossOptions loss options
 * @param data dataset spec
 * @param initFrom a trained run to start the networks from
 * @param engine DJL engine name
 * @param device the device to train on ({@code cpu}, {@code gpu}, {@code gpu:N}); where it ran is in the
 *     record's provenance, not its spec, since a run may resume on another machine
 * @param training budget, batch, schedule, optimizer and output intervals
 * @param regularization penalty, augmentation and top-k updates
 * @param monitors options of training monitors by monitor name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunConfig(String variant, Map<String, String> variantOptions, String loss, Map<String, String> lossOptions,
        String data, String initFrom, String engine, String device, Training training, Regularization regularization,
        Map<String, Map<String, String>> monitors) {

    /** An empty config: every setting takes its default. */
    public static final RunConfig EMPTY = new RunConfig(null, null, null, null, null, null, null, null, null, null, null);

    /**
     * The {@code training} section.
     *
     * @param steps training steps
     * @param epochs passes over the data, converted to steps (instead of {@code steps})
     * @param batchSize samples per real batch
     * @param discriminatorSteps discriminator updates per step
     * @param generatorSteps generator updates per step
     * @param seed seed of every random stream
     * @param adam optimizer settings
     * @param learningRates learning rate per optimizer group
     * @param logEvery steps per metrics-log line
     * @param sampleEvery steps between sample grids
     * @param checkpointEvery steps between checkpoints
     * @param keepCheckpoints checkpoints kept
     * @param emaDecay decay of the generator's weight average (0: none)
     * @param decaySteps steps over which learning rates decay at the end
     * @param standingSamples samples for the averaged generator's batch-norm statistics (0: default)
     * @param frozen optimizer groups left as they are
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Training(Long steps, Double epochs, Integer batchSize, Integer discriminatorSteps, Integer generatorSteps,
            Long seed, Adam adam, Map<String, Double> learningRates, Integer logEvery, Integer sampleEvery,
            Integer checkpointEvery, Integer keepCheckpoints, Double emaDecay, Long decaySteps, Integer standingSamples,
            Set<String> frozen) {

        /** A section that sets nothing. */
        public static final Training NONE = new Training(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /**
     * The {@code training.adam} section.
     *
     * @param learningRate learning rate of every group
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param epsilon denominator guard
     * @param clipNorm global gradient-norm clip (0: none)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Adam(Double learningRate, Double beta1, Double beta2, Double epsilon, Double clipNorm) {

        /** A section that sets nothing. */
        public static final Adam NONE = new Adam(null, null, null, null, null);
    }

    /**
     * The {@code regularization} section.
     *
     * @param penalty discriminator penalty plugin name, or {@code none}
     * @param penaltyOptions penalty options
     * @param augment DiffAugment policies, comma-separated
     * @param topK top-k generator updates
     * @param weightClip clip the discriminator's weights to [-c, c] after each update (0: off)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Regularization(String penalty, Map<String, String> penaltyOptions, String augment, TopK topK, Double weightClip) {

        /** A section that sets nothing. */
        public static final Regularization NONE = new Regularization(null, null, null, null, null);
    }

    /**
     * The {@code regularization.topK} section.
     *
     * @param nu the smallest fraction of generated samples G learns from (1: all)
     * @param gamma the factor the fraction shrinks by per epoch
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TopK(Double nu, Double gamma) {

        /** A section that sets nothing. */
        public static final TopK NONE = new TopK(null, null);
    }
}
