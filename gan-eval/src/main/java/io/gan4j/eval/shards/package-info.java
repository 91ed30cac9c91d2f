/**
 * Work split into parts that run anywhere and combine into the whole: generated samples written as
 * fixed-size {@code .npy} shards with a manifest, and feature statistics computed part by part and
 * merged. The parts run in this process one after another or as Spark tasks ({@code io.gan4j.eval.spark});
 * either way the shards are the same bytes.
 */
package io.gan4j.eval.shards;
