/**
 * Generated media says it is generated: {@link io.gan4j.core.media.MediaProvenance} (IPTC digital source
 * type {@code trainedAlgorithmicMedia}, the generator, seed and tool) embedded in every PNG gan4j writes
 * ({@link io.gan4j.core.media.PngProvenance}) and kept beside every other output file with its SHA-256
 * ({@link io.gan4j.core.media.ProvenanceManifest}).
 */
package io.gan4j.core.media;
