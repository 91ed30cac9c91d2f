package io.gan4j.eval.inpainting;

/**
 * What {@link InpaintingEvaluation} measured for an inpainter and for the mean-fill baseline (each hole
 * filled with the mean of its own image's visible pixels, per channel). Errors are over the filled
 * region only, on pixels read in [0, 1]: mean absolute and mean squared error in percent, as Pathak et
 * al. report them, and PSNR in dB averaged over images. FIDs compare completed with real images
 * through the evaluation's feature network; accuracies are its classifier's on the completed images
 * (null without a classifier or labels).
 *
 * @param count test images
 * @param features the feature network's name
 * @param holeFraction the fraction of each image filled
 * @param l1 mean absolute error in the region, %
 * @param l2 mean squared error in the region, %
 * @param psnr mean PSNR of the region, dB
 * @param meanFillL1 the baseline's mean absolute error, %
 * @param meanFillL2 the baseline's mean squared error, %
 * @param meanFillPsnr the baseline's mean PSNR, dB
 * @param fid FID of the completed images against the originals
 * @param meanFillFid FID of the mean-filled images against the originals
 * @param accuracy classifier accuracy on the completed images
 * @param meanFillAccuracy classifier accuracy on the mean-filled images
 * @param realAccuracy classifier accuracy on the originals
 */
public record InpaintingReport(
        int count,
        String features,
        double holeFraction,
        double l1,
        double l2,
        double psnr,
        double meanFillL1,
        double meanFillL2,
        double meanFillPsnr,
        double fid,
        double meanFillFid,
        Double accuracy,
        Double meanFillAccuracy,
        Double realAccuracy) {

    /**
     * Returns the report as an aligned table.
     *
     * @return the report as an aligned table
     */
    public String format() {
        StringBuilder out = new StringBuilder(String.format("inpainting, %d test images, %.1f%% of each filled, features %s%n", count,
                100 * holeFraction, features));
        out.append(String.format("  %-34s %12s %12s%n", "", "inpainted", "mean-fill"));
        row(out, "mean L1 in the region, %", l1, meanFillL1);
        row(out, "mean L2 in the region, %", l2, meanFillL2);
        row(out, "PSNR of the region, dB", psnr, meanFillPsnr);
        row(out, "FID against the originals", fid, meanFillFid);
        if (accuracy != null) {
            row(out, "classifier accuracy", accuracy, meanFillAccuracy);
            out.append(String.format("  %-34s %12.4f%n", "classifier accuracy on originals", realAccuracy));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, double value, double baseline) {
        out.append(String.format("  %-34s %12.4f %12.4f%n", name, value, baseline));
    }
}
