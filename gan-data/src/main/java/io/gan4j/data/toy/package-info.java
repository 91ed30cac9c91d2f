/** Synthetic 2-D mixtures for mode-collapse experiments. */
package io.gan4j.data.toy;
