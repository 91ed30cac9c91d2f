package io.gan4j.eval.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

final class ModeCollapseAlarmTest {

    @Test
    void identicalSamplesHaveZeroDiversityAndKnownPointsTheirMeanDistance() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(ModeCollapseAlarm.meanPairwiseDistance(m.ones(new Shape(16, 1, 4, 4)))).isCloseTo(0, within(1e-6));
            // Points 0, 3 and 4 on a line: pairwise distances 3, 4, 1 → mean 8/3.
            assertThat(ModeCollapseAlarm.meanPairwiseDistance(m.create(new float[] {0, 3, 4}, new Shape(3, 1))))
                    .isCloseTo(8.0 / 3, within(1e-6));
        }
    }
}
