/** Context encoders (Pathak et al. 2016): inpainting of a missing region with reconstruction and adversarial losses. */
package io.gan4j.models.inpainting;
