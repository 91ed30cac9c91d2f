/** Measures of inpainting: errors inside the filled region, FID and class preservation, against a mean-fill baseline. */
package io.gan4j.eval.inpainting;
