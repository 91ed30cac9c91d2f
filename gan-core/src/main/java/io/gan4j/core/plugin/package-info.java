/** The plugin SPI: one {@link io.gan4j.core.plugin.GanPlugin} entry point per jar, factories, typed options. */
package io.gan4j.core.plugin;
