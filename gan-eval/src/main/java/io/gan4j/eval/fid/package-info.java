/** The Fréchet distance between feature Gaussians (FID) and the statistics it needs. */
package io.gan4j.eval.fid;
