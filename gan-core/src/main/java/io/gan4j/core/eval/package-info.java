/** The evaluation SPI: feature networks that metrics measure samples with. */
package io.gan4j.core.eval;
