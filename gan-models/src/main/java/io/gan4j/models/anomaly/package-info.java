/** Anomaly detection trained on normal data only: GANomaly, f-AnoGAN and a convolutional autoencoder baseline. */
package io.gan4j.models.anomaly;
