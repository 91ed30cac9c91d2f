package io.gan4j.eval.sweep;

import io.gan4j.core.config.RunConfig;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a sweep: the settings it varies, by key path, and the run config they make.
 *
 * @param id the point's name, made of its settings (e.g. {@code loss=hinge,seed=1}); its run directory's name
 * @param settings the varied settings by key path, in the sweep's order
 * @param config the base config with those settings
 */
public record SweepPoint(String id, Map<String, Object> settings, RunConfig config) {

    /** Checks the fields. */
    public SweepPoint {
        Objects.requireNonNull(id, "id is null");
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        Objects.requireNonNull(config, "config is null");
    }

    /** Returns the settings without the seed: points with equal keys differ only by seed. */
    public Map<String, Object> settingsWithoutSeed() {
        Map<String, Object> rest = new java.util.LinkedHashMap<>(settings);
        rest.remove(Sweep.SEED);
        return rest;
    }
}
