/**
 * The run report: {@link io.gan4j.eval.html.RunReport} builds a self-contained static HTML page from
 * run directories alone (configuration and provenance, loss and metric curves overlaid, sample grids
 * over training, saved evaluations side by side with mean ± std over seeds, collapse-alarm events,
 * class histograms, anomaly-score views); no network, no script from elsewhere.
 */
package io.gan4j.eval.html;
