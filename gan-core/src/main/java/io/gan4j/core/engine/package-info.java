/** The one place that knows how DJL engines differ: an {@link io.gan4j.core.engine.EngineSupport} per engine, found through {@link io.gan4j.core.engine.EngineSupportProvider}s. */
package io.gan4j.core.engine;
