/**
 * Sweeps: one base config, a grid or a list of settings to vary, each point trained, evaluated and
 * summarized. {@link io.gan4j.eval.sweep.Sweep} reads a sweep file into its points; {@link
 * io.gan4j.eval.sweep.SweepRunner} runs the points that are not finished (so an interrupted sweep
 * resumes) and writes the summary and the comparison report.
 */
package io.gan4j.eval.sweep;
