package io.gan4j.eval.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Stacked-MNIST mode counts and the split of their KL into channel digit KLs and dependence, on exact digit sets. */
final class StackedMnistModesTest {

    /** Every triple of d₁ ∈ [0, first) and d₂, d₃ ∈ [0, 10), once each. */
    private static int[][] product(int first) {
        int[][] digits = new int[3][first * 100];
        for (int i = 0; i < first * 100; i++) {
            digits[0][i] = i / 100;
            digits[1][i] = i / 10 % 10;
            digits[2][i] = i % 10;
        }
        return digits;
    }

    @Test
    void allTriplesOnceAreUniformInEveryPart() {
        StackedMnistModes m = StackedMnistModes.of(product(10));
        assertThat(m.joint().modesCovered()).isEqualTo(1000);
        assertThat(m.joint().klToData()).isCloseTo(0, within(1e-12));
        assertThat(m.channelKl()).isCloseTo(0, within(1e-12));
        assertThat(m.dependence()).isCloseTo(0, within(1e-12));
    }

    @Test
    void unbalancedDigitsInOneChannelShowAsThatChannelsKl() {
        StackedMnistModes m = StackedMnistModes.of(product(5));
        assertThat(m.joint().modesCovered()).isEqualTo(500);
        assertThat(m.joint().klToData()).isCloseTo(Math.log(2), within(1e-12));
        assertThat(m.channels().get(0).klToData()).isCloseTo(Math.log(2), within(1e-12));
        assertThat(m.channels().get(1).klToData()).isCloseTo(0, within(1e-12));
        assertThat(m.dependence()).isCloseTo(0, within(1e-12));
    }

    @Test
    void channelsCopyingOneDigitShowAsDependence() {
        int[][] digits = new int[3][1000];
        for (int i = 0; i < 1000; i++) {
            digits[0][i] = digits[1][i] = digits[2][i] = i % 10;
        }
        StackedMnistModes m = StackedMnistModes.of(digits);
        assertThat(m.joint().modesCovered()).isEqualTo(10);
        assertThat(m.joint().klToData()).isCloseTo(Math.log(100), within(1e-12));
        assertThat(m.channelKl()).isCloseTo(0, within(1e-12));
        assertThat(m.dependence()).isCloseTo(Math.log(100), within(1e-12));
    }

    @Test
    void rejectsOtherChannelCounts() {
        assertThatThrownBy(() -> StackedMnistModes.of(new int[2][10])).hasMessageContaining("3 channels, got 2");
    }
}
