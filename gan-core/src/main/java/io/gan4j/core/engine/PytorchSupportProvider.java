package io.gan4j.core.engine;

/**
 * Provides {@link PytorchEngineSupport} for DJL's PyTorch engine. This class refers to the engine's API
 * only through {@link #get()}, so gan-core loads without the PyTorch engine on the class path.
 */
public final class PytorchSupportProvider implements EngineSupportProvider {

    @Override
    public String engineName() {
        return "PyTorch";
    }

    @Override
    public EngineSupport get() {
        return PytorchEngineSupport.INSTANCE;
    }
}
