package io.gan4j.core.engine;

/**
 * An {@code EngineCapability} is something a plugin may need from the DJL engine beyond plain
 * first-order training. Plugins declare what they need ({@link
 * io.gan4j.core.spi.PluginFactory#requires()}); a run that asks an engine for a capability it
 * lacks fails at start, naming an engine that has it.
 */
public enum EngineCapability {

    /** Gradients of gradients (create-graph backward), as gradient penalties need. */
    HIGHER_ORDER_GRADIENTS("higher-order gradients"),

    /** A transposed (fractionally strided) convolution with correct forward and backward passes. */
    TRANSPOSED_CONVOLUTION("transposed convolution");

    private final String description;

    EngineCapability(String description) {
        this.description = description;
    }

    /**
     * Returns what the capability is, for messages.
     *
     * @return what the capability is, for messages
     */
    public String description() {
        return description;
    }
}
