/** Mode-collapse diagnostics: mode histograms, toy-mixture metrics. */
package io.gan4j.eval.modes;
