/** Feature networks for metrics: trained LeNets, raw pixels, Inception-v3 from a user file. */
package io.gan4j.eval.features;
