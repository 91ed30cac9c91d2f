package io.gan4j.eval.superres;

/**
 * What {@link UpscalingEvaluation} measured for an upscaler and for bicubic upscaling of the same
 * low-resolution inputs: PSNR (dB) and SSIM against the originals (see {@link ImageQuality}), FID of
 * the upscaled against the original images through the evaluation's feature network, and its
 * classifier's accuracy on them (null without a classifier or labels).
 *
 * @param count test images
 * @param factor r, how much each side grew
 * @param features the feature network's name
 * @param psnr mean PSNR of the upscaled images
 * @param bicubicPsnr mean PSNR of bicubic upscaling
 * @param ssim mean SSIM of the upscaled images
 * @param bicubicSsim mean SSIM of bicubic upscaling
 * @param fid FID of the upscaled images against the originals
 * @param bicubicFid FID of bicubic upscaling against the originals
 * @param accuracy classifier accuracy on the upscaled images
 * @param bicubicAccuracy classifier accuracy on bicubic upscaling
 * @param realAccuracy classifier accuracy on the originals
 */
public record UpscalingReport(
        int count,
        int factor,
        String features,
        double psnr,
        double bicubicPsnr,
        double ssim,
        double bicubicSsim,
        double fid,
        double bicubicFid,
        Double accuracy,
        Double bicubicAccuracy,
        Double realAccuracy) {

    /**
     * Returns the report as an aligned table.
     *
     * @return the report as an aligned table
     */
    public String format() {
        StringBuilder out = new StringBuilder(String.format("upscaling %dx, %d test images shrunk by bicubic resampling, features %s%n",
                factor, count, features));
        out.append(String.format("  %-34s %12s %12s%n", "", "upscaled", "bicubic"));
        row(out, "PSNR, dB", psnr, bicubicPsnr);
        row(out, "SSIM", ssim, bicubicSsim);
        row(out, "FID against the originals", fid, bicubicFid);
        if (accuracy != null) {
            row(out, "classifier accuracy", accuracy, bicubicAccuracy);
            out.append(String.format("  %-34s %12.4f%n", "classifier accuracy on originals", realAccuracy));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, double value, double baseline) {
        out.append(String.format("  %-34s %12.4f %12.4f%n", name, value, baseline));
    }
}
