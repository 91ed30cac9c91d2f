package io.gan4j.core.plugin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.loss.AdversarialLoss;
import io.gan4j.core.loss.Critic;
import io.gan4j.core.loss.DiscriminatorPenalty;
import java.util.function.Function;

/**
 * Stands in for a loss or penalty plugin that a trained run names but that is not loaded: sampling
 * does not use them, and anything that does fails with a message naming the plugin and {@code --plugins}.
 */
final class MissingPlugin implements AdversarialLoss, DiscriminatorPenalty {

    private final String kind;
    private final String name;

    MissingPlugin(String kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    private IllegalArgumentException missing() {
        return new IllegalArgumentException("the run's " + kind + " '" + name + "' is not loaded; load its plugin (run.json lists it"
                + " under plugins) with --plugins DIR");
    }

    @Override
    public NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
        throw missing();
    }

    @Override
    public NDArray generatorLoss(NDArray realLogits, NDArray fakeLogits) {
        throw missing();
    }

    @Override
    public boolean generatorUsesRealLogits() {
        throw missing();
    }

    @Override
    public boolean logitEstimatesLogDensityRatio() {
        throw missing();
    }

    @Override
    public NDArray penalty(Critic critic, NDArray real, NDArray fake, Function<Shape, NDArray> uniform) {
        throw missing();
    }
}
