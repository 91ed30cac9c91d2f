package org.example.dup;

import io.gan4j.core.loss.FixedLossFactory;
import io.gan4j.core.loss.LossFactory;
import io.gan4j.core.loss.StandardLoss;
import io.gan4j.core.plugin.GanPlugin;
import java.util.List;

/** A plugin whose loss name collides with a built-in one. */
public final class DuplicateLossPlugin implements GanPlugin {

    @Override
    public List<LossFactory> losses() {
        return List.of(new FixedLossFactory("ns", "a second 'ns'", StandardLoss.HINGE));
    }
}
