package io.gan4j.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.Network;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code Networks} initializes a variant's networks and names their tensors {@code network/parameter}. */
public final class Networks {

    private Networks() {}

    /** Initializes every network of {@code variant} in {@code manager}, seeding the engine from {@code seed}. */
    public static void initialize(GanVariant variant, NDManager manager, long seed) {
        Engine.getInstance().setRandomSeed(Seeds.engineSeed(seed, Seeds.INIT));
        for (Network n : variant.networks()) {
            n.block().initialize(manager, DataType.FLOAT32, n.inputShapes().toArray(Shape[]::new));
        }
    }

    /** Returns every parameter of every network (running statistics included) by qualified name. */
    public static Map<String, Parameter> parameters(GanVariant variant) {
        Map<String, Parameter> all = new LinkedHashMap<>();
        for (Network n : variant.networks()) {
            for (var p : n.block().getParameters()) {
                all.put(n.name() + "/" + p.getKey(), p.getValue());
            }
        }
        return all;
    }

    /** Returns the live arrays of {@link #parameters}. */
    public static Map<String, NDArray> arrays(GanVariant variant) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        parameters(variant).forEach((k, p) -> arrays.put(k, p.getArray()));
        return arrays;
    }
}
