package io.gan4j.core.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;

/**
 * A {@code RunSpec} says everything that defines a training run, so that the run can be rebuilt
 * (for resuming or sampling) from its {@code run.json}: variant and loss with their options, the
 * data spec and the training configuration.
 *
 * @param variant variant plugin name
 * @param variantOptions the user's variant options (defaults are applied at resolution)
 * @param loss loss plugin name
 * @param lossOptions the user's loss options
 * @param data dataset spec, e.g. {@code mnist}
 * @param training the training configuration
 * @param regularization the discriminator's penalty and augmentation
 * @param initFrom a trained run whose networks of the same names start this run (fine-tuning, or
 *     f-AnoGAN on a trained GAN), or {@code null}
 * @param monitors the training monitors attached (e.g. {@code collapse-alarm}), each with its
 *     effective options; empty in runs recorded before monitors were
 * @param engine the DJL engine the run trains on ({@code mxnet}, {@code pytorch}); {@code null} in
 *     runs recorded before the engine was, which then take the current one
 */
public record RunSpec(
        String variant,
        Map<String, String> variantOptions,
        String loss,
        Map<String, String> lossOptions,
        String data,
        TrainingConfig training,
        Regularization regularization,
        String initFrom,
        Map<String, Map<String, String>> monitors,
        String engine) {

    /** Checks the fields. */
    public RunSpec {
        Objects.requireNonNull(variant, "variant is null");
        Objects.requireNonNull(loss, "loss is null");
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(training, "training is null");
        variantOptions = Collections.unmodifiableMap(new TreeMap<>(variantOptions));
        lossOptions = Collections.unmodifiableMap(new TreeMap<>(lossOptions));
        // Runs written before regularization existed have none.
        regularization = Objects.requireNonNullElse(regularization, Regularization.NONE);
        monitors = monitors == null ? Map.of() : copy(monitors);
        if (initFrom != null && initFrom.isBlank()) {
            throw new IllegalArgumentException("initFrom is blank");
        }
    }

    /** Creates a spec that starts from freshly initialized networks. */
    public RunSpec(String variant, Map<String, String> variantOptions, String loss, Map<String, String> lossOptions, String data,
            TrainingConfig training, Regularization regularization) {
        this(variant, variantOptions, loss, lossOptions, data, training, regularization, null, Map.of(), null);
    }

    /** Creates a spec without penalty or augmentation, from freshly initialized networks. */
    public RunSpec(String variant, Map<String, String> variantOptions, String loss, Map<String, String> lossOptions, String data,
            TrainingConfig training) {
        this(variant, variantOptions, loss, lossOptions, data, training, Regularization.NONE);
    }

    /** Returns a copy with another training configuration. */
    public RunSpec withTraining(TrainingConfig newTraining) {
        return new RunSpec(variant, variantOptions, loss, lossOptions, data, newTraining, regularization, initFrom, monitors, engine);
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> monitors) {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        monitors.forEach((name, options) -> copy.put(name, Collections.unmodifiableMap(new TreeMap<>(options))));
        return Collections.unmodifiableMap(copy);
    }
}
