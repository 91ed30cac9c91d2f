package io.gan4j.core.engine;

/** Provides {@link MxnetEngineSupport} for DJL's MXNet engine. */
public final class MxnetSupportProvider implements EngineSupportProvider {

    @Override
    public String engineName() {
        return "MXNet";
    }

    @Override
    public EngineSupport get() {
        return MxnetEngineSupport.INSTANCE;
    }
}
