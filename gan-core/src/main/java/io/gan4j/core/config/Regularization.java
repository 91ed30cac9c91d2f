package io.gan4j.core.config;

import io.gan4j.core.augment.DiffAugment;
import io.gan4j.core.loss.TopK;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code Regularization} says how a run regularizes training beyond the loss: a discriminator penalty
 * plugin with its options, DiffAugment policies applied to everything D sees, and top-k generator
 * updates, and WGAN's weight clipping of the discriminator (critic).
 *
 * @param penalty penalty plugin name (e.g. {@code wgan-gp}), or {@value #NO_PENALTY}
 * @param penaltyOptions the user's penalty options
 * @param augment DiffAugment policy list (e.g. {@code color,translation,cutout}), empty for none
 * @param topK which generated samples G's updates learn from ({@link TopK#NONE}: all)
 * @param weightClip after each update of the {@value #CLIPPED_GROUP} optimizer group, its weights are
 *     clipped to [-weightClip, weightClip] (Arjovsky et al. 2017 use 0.01); 0 for none
 */
public record Regularization(String penalty, Map<String, String> penaltyOptions, String augment, TopK topK, double weightClip) {

    /** The optimizer group whose weights {@link #weightClip} clips. */
    public static final String CLIPPED_GROUP = "discriminator";

    /** The penalty name that means no penalty. */
    public static final String NO_PENALTY = "none";

    /** No penalty, no augmentation, plain generator updates. */
    public static final Regularization NONE = new Regularization(NO_PENALTY, Map.of(), "", TopK.NONE, 0);

    /** Checks the fields; missing ones (older run files) mean none. */
    public Regularization {
        penalty = Objects.requireNonNullElse(penalty, NO_PENALTY);
        penaltyOptions = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNullElse(penaltyOptions, Map.of())));
        augment = DiffAugment.parse(Objects.requireNonNullElse(augment, "")).toString();
        topK = Objects.requireNonNullElse(topK, TopK.NONE);
        if (!(weightClip >= 0) || Double.isInfinite(weightClip)) {
            throw new IllegalArgumentException("weightClip (--weight-clip) must be a finite number >= 0 (0: off), was " + weightClip);
        }
        if (penalty.equals(NO_PENALTY) && !penaltyOptions.isEmpty()) {
            throw new IllegalArgumentException("penalty options " + penaltyOptions.keySet() + " given without a penalty");
        }
    }

    /** Creates a regularization with plain generator updates. */
    public Regularization(String penalty, Map<String, String> penaltyOptions, String augment) {
        this(penalty, penaltyOptions, augment, TopK.NONE);
    }

    /** Creates a regularization without weight clipping. */
    public Regularization(String penalty, Map<String, String> penaltyOptions, String augment, TopK topK) {
        this(penalty, penaltyOptions, augment, topK, 0);
    }

    /** Returns true when a penalty is selected. */
    public boolean hasPenalty() {
        return !penalty.equals(NO_PENALTY);
    }
}
