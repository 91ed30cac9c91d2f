package io.gan4j.core.engine;

/**
 * An {@code EngineSupportProvider} supplies the {@link EngineSupport} of one DJL engine, as DJL's
 * {@code EngineProvider} supplies engines: providers are found with {@link java.util.ServiceLoader}
 * through {@code META-INF/services/io.gan4j.core.engine.EngineSupportProvider}, and an engine without
 * one gets the portable implementation (phase-decomposed transposed convolution, no higher-order
 * gradients). A provider must not touch its engine's classes until {@link #get()}: the engines are
 * optional dependencies.
 */
public interface EngineSupportProvider {

    /**
     * Returns the DJL name of the engine served, e.g. {@code MXNet}.
     *
     * @return the DJL name of the engine served, e.g
     */
    String engineName();

    /**
     * Returns the engine's support; called only when the engine is in use.
     *
     * @return the engine's support; called only when the engine is in use
     */
    EngineSupport get();
}
