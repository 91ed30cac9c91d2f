package io.gan4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class DataCursorTest {

    @Test
    void visitsEachSampleOncePerEpochAndDropsTheIncompleteBatch() {
        DataCursor cursor = new DataCursor(10, 1, 0, 0);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Arrays.stream(cursor.next(3)).forEach(seen::add);
        }
        assertThat(seen).hasSize(9);
        assertThat(cursor.epoch()).isZero();
        cursor.next(3);
        assertThat(cursor.epoch()).isEqualTo(1);
        assertThat(cursor.position()).isEqualTo(3);
    }

    @Test
    void orderIsAFunctionOfSeedAndEpochOnly() {
        DataCursor a = new DataCursor(50, 9, 0, 0);
        for (int i = 0; i < 7; i++) {
            a.next(8);
        }
        int[] continued = a.next(8);
        DataCursor b = new DataCursor(50, 9, a.epoch(), a.position() - 8);
        assertThat(b.next(8)).containsExactly(continued);
        assertThat(Seeds.permutation(50, 1)).isNotEqualTo(Seeds.permutation(50, 2));
    }
}
