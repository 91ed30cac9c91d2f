/** Whole evaluations: sample sources, feature extraction, the metric suite and reports with their protocol. */
package io.gan4j.eval.report;
