/** Anomaly-detection evaluation: AUROC/AUPRC, thresholds from validation data, PCA baseline, batch scoring. */
package io.gan4j.eval.anomaly;
