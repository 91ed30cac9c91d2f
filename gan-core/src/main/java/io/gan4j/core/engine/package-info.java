/** The one place that knows how DJL engines differ: an {@link io.gan4j.core.engine.EngineSupport} per engine. */
package io.gan4j.core.engine;
