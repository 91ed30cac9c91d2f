/**
 * Feature rows as float64 matrices, their blocked distance computations on the DJL engine, and
 * k-means clustering: shared by the evaluation metrics and by datasets labelled by their own clusters.
 */
package io.gan4j.core.features;
