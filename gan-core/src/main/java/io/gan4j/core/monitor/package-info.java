/** The training-monitor SPI: listeners that plugins attach to every run (collapse alarm, periodic FID). */
package io.gan4j.core.monitor;
