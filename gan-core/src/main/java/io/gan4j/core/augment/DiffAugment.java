package io.gan4j.core.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.engine.EngineSupport;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code DiffAugment} is Differentiable Augmentation (Zhao et al. 2020): the same random, differentiable
 * transformations applied to real and generated images before the discriminator sees them, so D
 * cannot memorize a small training set while G still gets gradients through the augmentation.
 * Policies and constants are those of the official {@code DiffAugment_pytorch.py}:
 *
 * <ul>
 *   <li>{@code color}: brightness + (u − 0.5); saturation ×2u around the channel mean; contrast
 *       ×(u + 0.5) around the image mean (u ~ U[0, 1) per sample);
 *   <li>{@code translation}: shift by up to 1/8 of the side in x and y (integer, per sample), zero fill;
 *   <li>{@code cutout}: zero a square of half the side at a random position (per sample).
 * </ul>
 *
 * <p>Translation runs as two batched matrix products with one-hot shift matrices, which keeps it a
 * plain differentiable op on every engine. Immutable.
 */
public final class DiffAugment {

    /** One augmentation of the policy. */
    public enum Policy {
        /** Brightness, saturation and contrast. */
        COLOR,
        /** Translation by up to 1/8 of the image side. */
        TRANSLATION,
        /** Cutout of a square of half the image side. */
        CUTOUT
    }

    /** No augmentation. */
    public static final DiffAugment NONE = new DiffAugment(EnumSet.noneOf(Policy.class));

    private static final double TRANSLATION_RATIO = 0.125;
    private static final double CUTOUT_RATIO = 0.5;

    private final Set<Policy> policies;

    private DiffAugment(Set<Policy> policies) {
        this.policies = Set.copyOf(policies);
    }

    /**
     * Parses a policy list such as {@code color,translation,cutout}; empty or {@code none} is {@link #NONE}.
     *
     * @throws IllegalArgumentException naming an unknown policy
     */
    public static DiffAugment parse(String spec) {
        if (spec == null || spec.isBlank() || spec.equals("none")) {
            return NONE;
        }
        EnumSet<Policy> policies = EnumSet.noneOf(Policy.class);
        for (String part : spec.split(",")) {
            try {
                policies.add(Policy.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown augmentation '" + part.trim() + "' in '" + spec
                        + "'; expected a comma-separated list of color, translation, cutout", e);
            }
        }
        return new DiffAugment(policies);
    }

    /** Returns true when this augments nothing. */
    public boolean isNone() {
        return policies.isEmpty();
    }

    /** Returns the policy list as {@link #parse} reads it (empty for none). */
    @Override
    public String toString() {
        return Arrays.stream(Policy.values()).filter(policies::contains)
                .map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    /** Throws unless samples of {@code sampleShape} are images (C, H, W) this policy can transform. */
    public void checkApplicable(Shape sampleShape) {
        if (!isNone() && sampleShape.dimension() != 3) {
            throw new IllegalArgumentException("augmentation '" + this + "' needs images (C, H, W), but samples are " + sampleShape);
        }
    }

    /**
     * Returns the augmented batch (N, C, H, W), differentiable with respect to {@code x}.
     *
     * @param uniform draws U[0, 1) noise of a shape from the run's seeded streams
     */
    public NDArray apply(NDArray x, Function<Shape, NDArray> uniform) {
        NDArray out = x;
        if (policies.contains(Policy.COLOR)) {
            out = color(out, uniform);
        }
        if (policies.contains(Policy.TRANSLATION)) {
            out = translation(out, uniform);
        }
        if (policies.contains(Policy.CUTOUT)) {
            out = cutout(out, uniform);
        }
        return out;
    }

    private static NDArray color(NDArray x, Function<Shape, NDArray> uniform) {
        Shape perSample = new Shape(x.getShape().get(0), 1, 1, 1);
        NDArray y = x.add(uniform.apply(perSample).sub(0.5f));
        NDArray channelMean = y.mean(new int[] {1}, true);
        y = y.sub(channelMean).mul(uniform.apply(perSample).mul(2f)).add(channelMean);
        NDArray imageMean = EngineSupport.mean(y, new int[] {1, 2, 3}, true);
        return y.sub(imageMean).mul(uniform.apply(perSample).add(0.5f)).add(imageMean);
    }

    /** out[i, j] = x[i + dy, j + dx], zero outside: out = Sy · x · Sxᵀ with one-hot shift matrices per sample. */
    private static NDArray translation(NDArray x, Function<Shape, NDArray> uniform) {
        int n = Math.toIntExact(x.getShape().get(0));
        int h = Math.toIntExact(x.getShape().get(2));
        int w = Math.toIntExact(x.getShape().get(3));
        int[] dy = randomInts(uniform, n, -(int) (h * TRANSLATION_RATIO + 0.5), (int) (h * TRANSLATION_RATIO + 0.5));
        int[] dx = randomInts(uniform, n, -(int) (w * TRANSLATION_RATIO + 0.5), (int) (w * TRANSLATION_RATIO + 0.5));
        NDManager m = x.getManager();
        NDArray rows = m.create(shiftMatrices(dy, h, false), new Shape(n, 1, h, h));
        NDArray columns = m.create(shiftMatrices(dx, w, true), new Shape(n, 1, w, w));
        return rows.matMul(x).matMul(columns);
    }

    /** Returns per-sample (size × size) matrices S with S[i, i + shift] = 1 (or its transpose). */
    private static float[] shiftMatrices(int[] shifts, int size, boolean transpose) {
        float[] values = new float[shifts.length * size * size];
        for (int s = 0; s < shifts.length; s++) {
            for (int i = 0; i < size; i++) {
                int k = i + shifts[s];
                if (k >= 0 && k < size) {
                    values[s * size * size + (transpose ? k * size + i : i * size + k)] = 1;
                }
            }
        }
        return values;
    }

    private static NDArray cutout(NDArray x, Function<Shape, NDArray> uniform) {
        int n = Math.toIntExact(x.getShape().get(0));
        int h = Math.toIntExact(x.getShape().get(2));
        int w = Math.toIntExact(x.getShape().get(3));
        int ch = (int) (h * CUTOUT_RATIO + 0.5);
        int cw = (int) (w * CUTOUT_RATIO + 0.5);
        // As the reference: the square's centre is uniform over the image (one more position for even sizes).
        int[] cy = randomInts(uniform, n, 0, h - 1 + (1 - ch % 2));
        int[] cx = randomInts(uniform, n, 0, w - 1 + (1 - cw % 2));
        float[] mask = new float[n * h * w];
        Arrays.fill(mask, 1);
        for (int s = 0; s < n; s++) {
            for (int i = Math.max(0, cy[s] - ch / 2); i < Math.min(h, cy[s] - ch / 2 + ch); i++) {
                for (int j = Math.max(0, cx[s] - cw / 2); j < Math.min(w, cx[s] - cw / 2 + cw); j++) {
                    mask[(s * h + i) * w + j] = 0;
                }
            }
        }
        return x.mul(x.getManager().create(mask, new Shape(n, 1, h, w)));
    }

    /** Returns n integers uniform in [low, high]. */
    private static int[] randomInts(Function<Shape, NDArray> uniform, int n, int low, int high) {
        float[] u = uniform.apply(new Shape(n)).toFloatArray();
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.min(high, low + (int) Math.floor(u[i] * (high - low + 1)));
        }
        return values;
    }
}
