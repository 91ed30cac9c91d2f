/**
 * What every plugin factory shares: {@link io.gan4j.core.spi.PluginFactory} (name, description, typed
 * options, engine needs), {@link io.gan4j.core.spi.OptionSpec} and resolved {@link io.gan4j.core.spi.Options}.
 */
package io.gan4j.core.spi;
