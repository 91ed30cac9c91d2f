package io.gan4j.core.engine;

import ai.djl.engine.Engine;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code EngineChoice} selects the DJL engine every model of the process runs on. MXNet is the
 * default; PyTorch is the engine for higher-order gradients. DJL itself would prefer PyTorch when
 * both are on the classpath, so the choice is always made explicitly, through DJL's
 * {@code ai.djl.default_engine} property, before any array is created.
 */
public final class EngineChoice {

    /** The names users choose from, in order of preference. */
    public static final List<String> NAMES = List.of("mxnet", "pytorch");

    private static final Map<String, String> DJL_NAMES = Map.of("mxnet", "MXNet", "pytorch", "PyTorch");
    /** DJL's system property that holds the choice, so that worker JVMs can inherit it. */
    public static final String PROPERTY = "ai.djl.default_engine";

    private EngineChoice() {}

    /**
     * Makes {@code name} the engine of every manager created from now on.
     *
     * @param name {@code mxnet} or {@code pytorch}, case-insensitive
     * @throws IllegalArgumentException when the name is unknown or its engine is not on the classpath
     */
    public static void use(String name) {
        String djl = DJL_NAMES.get(name.toLowerCase(Locale.ROOT));
        if (djl == null) {
            throw new IllegalArgumentException("unknown engine '" + name + "'; available: " + String.join(", ", NAMES));
        }
        if (!Engine.hasEngine(djl)) {
            throw new IllegalArgumentException("engine '" + name + "' is not on the classpath; add DJL's " + djl
                    + " engine and native artifacts (see docs/engines.md)");
        }
        System.setProperty(PROPERTY, djl);
    }

    /**
     * Returns the name ({@code mxnet}, {@code pytorch}) of the engine managers are created on now, choosing MXNet if none was.
     *
     * @return the name ({@code mxnet}, {@code pytorch}) of the engine managers are created on now, choosing
     *     MXNet if none was
     */
    public static String current() {
        useDefaultUnlessChosen();
        return System.getProperty(PROPERTY).toLowerCase(Locale.ROOT);
    }

    /** Selects MXNet unless an engine was chosen already (by {@link #use} or the system property). */
    public static void useDefaultUnlessChosen() {
        if (System.getProperty(PROPERTY) == null || System.getProperty(PROPERTY).isBlank()) {
            use(NAMES.get(0));
        }
    }
}
