/**
 * gan4j's embarrassingly parallel work on Apache Spark: sweep points, sample shards and feature
 * statistics as Spark tasks, in {@code local[N]} or on a cluster through {@code spark-submit}. Spark is
 * a provided dependency of gan-eval: only this package uses it, and a program that never touches it
 * needs no Spark on its class path. Training itself stays on one host (DJL has no multi-node training).
 */
package io.gan4j.eval.spark;
