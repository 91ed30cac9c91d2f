/** Layers GANs need that DJL lacks or gets wrong on some engine, each tested against a direct computation. */
package io.gan4j.core.layer;
