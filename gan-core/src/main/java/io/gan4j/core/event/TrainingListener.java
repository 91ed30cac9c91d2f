package io.gan4j.core.event;

/**
 * A {@code TrainingListener} observes a training run through {@link TrainingEvent}s. Listeners
 * run on the training thread: keep them quick, or hand work off.
 */
@FunctionalInterface
public interface TrainingListener {

    /**
     * Receives one event.
     *
     * @param event what happened
     */
    void on(TrainingEvent event);
}
