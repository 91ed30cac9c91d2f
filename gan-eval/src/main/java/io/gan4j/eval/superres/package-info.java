/** Evaluation of super-resolution: PSNR, SSIM, FID and classifier accuracy of upscaled images against bicubic upscaling. */
package io.gan4j.eval.superres;
