package io.gan4j.core.train;

import io.gan4j.core.augment.DiffAugment;
import java.util.Map;
import java.util.Objects;

/**
 * {@code Regularization} says how a run regularizes its discriminator beyond the loss: a penalty
 * plugin with its options, and DiffAugment policies applied to everything D sees.
 *
 * @param penalty penalty plugin name (e.g. {@code wgan-gp}), or {@value #NO_PENALTY}
 * @param penaltyOptions the user's penalty options
 * @param augment DiffAugment policy list (e.g. {@code color,translation,cutout}), empty for none
 */
public record Regularization(String penalty, Map<String, String> penaltyOptions, String augment) {

    /** The penalty name that means no penalty. */
    public static final String NO_PENALTY = "none";

    /** No penalty, no augmentation. */
    public static final Regularization NONE = new Regularization(NO_PENALTY, Map.of(), "");

    /** Checks the fields; missing ones (older run files) mean none. */
    public Regularization {
        penalty = Objects.requireNonNullElse(penalty, NO_PENALTY);
        penaltyOptions = Map.copyOf(Objects.requireNonNullElse(penaltyOptions, Map.of()));
        augment = DiffAugment.parse(Objects.requireNonNullElse(augment, "")).toString();
        if (penalty.equals(NO_PENALTY) && !penaltyOptions.isEmpty()) {
            throw new IllegalArgumentException("penalty options " + penaltyOptions.keySet() + " given without a penalty");
        }
    }

    /** Returns true when a penalty is selected. */
    public boolean hasPenalty() {
        return !penalty.equals(NO_PENALTY);
    }
}
