package io.gan4j.core.monitor;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.train.GanTrainer;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@code MonitorContext} is what a {@link MonitorFactory} gets to watch one run.
 *
 * @param trainer the run's trainer: its variant, its sampling weights and {@link GanTrainer#record}
 * @param data the real data
 * @param featureNetworks opens a feature network by name for the run's samples; the caller closes it
 * @param messages where to report what a person should see (warnings, measurements)
 */
public record MonitorContext(GanTrainer trainer, Dataset data, Function<String, FeatureNetwork> featureNetworks,
        Consumer<String> messages) {

    /**
     * Checks the fields.
     *
     * @param trainer the run's trainer: its variant, its sampling weights and {@link GanTrainer#record}
     * @param data the real data
     * @param featureNetworks opens a feature network by name for the run's samples; the caller closes it
     * @param messages where to report what a person should see (warnings, measurements)
     */
    public MonitorContext {
        Objects.requireNonNull(trainer, "trainer is null");
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(featureNetworks, "featureNetworks is null");
        Objects.requireNonNull(messages, "messages is null");
    }
}
