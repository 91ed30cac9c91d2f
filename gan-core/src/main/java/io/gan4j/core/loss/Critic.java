package io.gan4j.core.loss;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@code Critic} is a discriminator seen as a differentiable function from samples to logits, as
 * gradient penalties need it: its network and how a batch of samples becomes the network's inputs
 * (labels, if any, bound).
 *
 * @param block the discriminator network; its first output is the logits
 * @param inputs turns a batch of samples into the network's inputs
 */
public record Critic(Block block, Function<NDArray, NDList> inputs) {

    /** Checks the fields. */
    public Critic {
        Objects.requireNonNull(block, "block is null");
        Objects.requireNonNull(inputs, "inputs is null");
    }

    /**
     * Returns the logits of {@code samples} (training mode, while gradients are recorded), computed
     * through per-call views of the trainable parameters (attached to the samples' manager). The views
     * are not leaves of the graph, which lets an engine run a create-graph backward pass without tying
     * each parameter to a gradient that holds the graph.
     */
    NDArray applyThroughAliases(NDArray samples) {
        Map<Parameter, NDArray> aliases = new HashMap<>();
        ParameterStore store = new ParameterStore(samples.getManager(), false) {
            @Override
            public NDArray getValue(Parameter parameter, Device device, boolean training) {
                if (!parameter.requiresGradient()) {
                    return parameter.getArray();
                }
                return aliases.computeIfAbsent(parameter, p -> {
                    NDArray alias = p.getArray().reshape(p.getArray().getShape());
                    alias.attach(samples.getManager());
                    return alias;
                });
            }
        };
        return block.forward(store, inputs.apply(samples), true).get(0);
    }

    /** Returns the trainable arrays of the network. */
    List<NDArray> parameters() {
        return block.getParameters().values().stream().filter(Parameter::requiresGradient).map(Parameter::getArray).toList();
    }
}
