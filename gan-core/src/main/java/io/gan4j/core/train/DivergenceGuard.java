package io.gan4j.core.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code DivergenceGuard} decides when a run has diverged, from the loss each optimizer group
 * minimizes at each step. A loss has diverged when it is
 * <ul>
 *   <li>not finite (NaN or infinite), or
 *   <li>larger in magnitude than {@value #ABSOLUTE_BOUND}: the built-in objectives stay within
 *       O(1–100) in healthy runs, Wasserstein critics within O(10³), or
 *   <li>larger in magnitude than {@value #FACTOR} times the median magnitude of that group's last
 *       {@value #WINDOW} losses, and above {@value #RELATIVE_FLOOR}: a blow-up from a small baseline
 *       (ordinary GAN spikes are within 10–100×).
 * </ul>
 * The trainer stops at the first diverged loss, before the step's outputs are written, so the last
 * checkpoint and model stay as they were. The guard only reads losses: it does not change training,
 * and a resumed run starts with an empty window.
 */
final class DivergenceGuard {

    /** Magnitude beyond which any loss has diverged. */
    static final double ABSOLUTE_BOUND = 1e6;
    /** Factor over the recent median magnitude beyond which a loss has diverged. */
    static final double FACTOR = 1000;
    /** Magnitude a loss must also exceed for the relative rule. */
    static final double RELATIVE_FLOOR = 100;
    /** Losses per group the median is taken over. */
    static final int WINDOW = 100;

    private final Map<String, double[]> recent = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    /**
     * Checks one loss and remembers it.
     *
     * @throws TrainingDivergedException naming the group, the step, the value and the rule it broke
     */
    void check(String group, long step, float loss) {
        double magnitude = Math.abs(loss);
        String rule = null;
        if (!Float.isFinite(loss)) {
            rule = "not finite";
        } else if (magnitude > ABSOLUTE_BOUND) {
            rule = "beyond 1e6";
        } else if (magnitude > RELATIVE_FLOOR) {
            double median = median(group);
            if (median > 0 && magnitude > FACTOR * median) {
                rule = String.format("%.0f times the median of its last %d values (%.4g)", magnitude / median,
                        Math.min(WINDOW, counts.getOrDefault(group, 0)), median);
            }
        }
        if (rule != null) {
            throw new TrainingDivergedException("training diverged: the loss of optimizer group '" + group + "' is " + loss
                    + " at step " + step + " (" + rule + "); nothing of this step was written, so the last checkpoint and model"
                    + " are intact. Lower the learning rate (--lr) or check the data range, then resume or start again");
        }
        double[] window = recent.computeIfAbsent(group, g -> new double[WINDOW]);
        int n = counts.merge(group, 1, Integer::sum);
        window[(n - 1) % WINDOW] = magnitude;
    }

    private double median(String group) {
        int n = Math.min(WINDOW, counts.getOrDefault(group, 0));
        if (n < 10) {
            return 0;  // too few values to call anything a blow-up relative to them
        }
        double[] sorted = Arrays.copyOf(recent.get(group), n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
