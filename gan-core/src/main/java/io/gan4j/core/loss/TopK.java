package io.gan4j.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * {@code TopK} is the top-k generator update of Sinha et al. (2020, "Top-k Training of GANs"): when G
 * is updated, only the {@code k} generated samples that D finds most realistic contribute gradient;
 * the rest, often samples between modes that D's gradient would push further astray, are ignored.
 * {@code k} starts at the batch size and shrinks by {@code gamma} every epoch down to {@code nu} of
 * the batch: {@code k = ceil(B · max(gamma^epoch, nu))}. The authors' code uses gamma 0.99 and nu 0.5.
 *
 * <p>Applied to the logits the generator's loss sees, it keeps their values (the reported loss is
 * still the batch mean) and scales the kept rows' gradient by B / k, so that for losses that average
 * one term per sample (ns, minimax, lsgan, hinge, wgan) G's gradient is exactly that of the loss
 * averaged over the top k, as in the paper's code. With packing, the rows are D's packs; auxiliary
 * outputs (an ACGAN's class logits) keep every sample.
 *
 * @param nu smallest fraction of the batch that is kept, in (0, 1]; 1 means off
 * @param gamma factor by which the kept fraction shrinks per epoch, in (0, 1]
 */
public record TopK(double nu, double gamma) {

    /** Every sample contributes: plain generator updates. */
    public static final TopK NONE = new TopK(1, 1);

    /** The paper's decay per epoch. */
    public static final double DEFAULT_GAMMA = 0.99;

    /**
     * Checks the fractions.
     *
     * @param nu smallest fraction of the batch that is kept, in (0, 1]; 1 means off
     * @param gamma the factor by which the kept fraction shrinks each epoch
     */
    public TopK {
        if (!(nu > 0 && nu <= 1)) {
            throw new IllegalArgumentException("top-k fraction nu must be in (0, 1], was " + nu);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("top-k decay gamma must be in (0, 1], was " + gamma);
        }
    }

    /**
     * Returns true when every sample contributes at every epoch.
     *
     * @return true when every sample contributes at every epoch
     */
    public boolean keepsEverySample() {
        return nu == 1;
    }

    /**
     * Returns how many of {@code rows} samples (or packs) contribute in the given epoch (0-based).
     *
     * @param rows the batch size
     * @param epoch the data epoch of the update (0-based)
     * @return how many of {@code rows} samples (or packs) contribute in the given epoch (0-based)
     */
    public int k(int rows, long epoch) {
        double fraction = Math.max(Math.pow(gamma, epoch), nu);
        return Math.max(1, Math.min(rows, (int) Math.ceil(rows * fraction - 1e-9)));
    }

    /**
     * Returns {@code logits} (one row per generated sample, any trailing shape) with gradient flowing
     * only through the {@link #k} rows D scores highest, scaled by rows / kept. A row's score is its
     * mean logit (one value for image-level D, the patch mean for a patch D). Ties at the threshold
     * keep every tied row.
     *
     * @param logits D's outputs on the generated batch, recorded for G's update
     * @param epoch the data epoch of the update (0-based)
     * @return {@code logits} (one row per generated sample, any trailing shape) with gradient flowing only
     *     through the {@link #k} rows D scores highest, scaled by rows / kept
     */
    public NDArray keepMostRealistic(NDArray logits, long epoch) {
        int rows = Math.toIntExact(logits.getShape().get(0));
        int k = k(rows, epoch);
        if (k == rows) {
            return logits;
        }
        NDArray detached = logits.stopGradient();
        float[] scores = detached.reshape(rows, -1).mean(new int[] {1}).toFloatArray();
        float[] sorted = scores.clone();
        Arrays.sort(sorted);
        float threshold = sorted[rows - k];
        float[] keep = new float[rows];
        int kept = 0;
        for (int i = 0; i < rows; i++) {
            if (scores[i] >= threshold) {
                keep[i] = 1;
                kept++;
            }
        }
        for (int i = 0; i < rows; i++) {
            keep[i] *= rows / (float) kept;
        }
        long[] rowShape = new long[logits.getShape().dimension()];
        Arrays.fill(rowShape, 1);
        rowShape[0] = rows;
        NDArray weight = logits.getManager().create(keep, new Shape(rowShape));
        // The added term is 0 in value; its gradient is the weight.
        return detached.add(logits.sub(detached).mul(weight));
    }
}
