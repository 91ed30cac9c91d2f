/** Datasets derived from others: index ranges and restyled images with a known true mapping. */
package io.gan4j.data.derived;
