package io.gan4j.core.plugin;

import io.gan4j.core.loss.LossFactory;
import io.gan4j.core.loss.PenaltyFactory;
import io.gan4j.core.loss.StandardLoss;
import io.gan4j.core.loss.StandardPenalties;
import java.util.Arrays;
import java.util.List;

/** The built-in plugin that contributes the {@link StandardLoss} family and the {@link StandardPenalties}. */
public final class StandardLossesPlugin implements GanPlugin {

    @Override
    public List<LossFactory> losses() {
        return Arrays.stream(StandardLoss.values()).map(StandardLoss::factory).toList();
    }

    @Override
    public List<PenaltyFactory> penalties() {
        return StandardPenalties.factories();
    }
}
