package io.gan4j.core.engine;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The {@link EngineSupportProvider}s on the class path, by engine name, found once. */
final class EngineSupports {

    static final Map<String, EngineSupportProvider> PROVIDERS = load();

    private EngineSupports() {}

    private static Map<String, EngineSupportProvider> load() {
        Map<String, EngineSupportProvider> providers = new TreeMap<>();
        for (EngineSupportProvider provider : ServiceLoader.load(EngineSupportProvider.class, EngineSupports.class.getClassLoader())) {
            providers.putIfAbsent(provider.engineName(), provider);
        }
        return Map.copyOf(providers);
    }
}
