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

    /** The modes of {@code digits}, every one read with certainty. */
    private static StackedMnistModes surely(int[][] digits) {
        float[][] confidence = new float[digits.length][digits[0].length];
        for (float[] channel : confidence) {
            java.util.Arrays.fill(channel, 1f);
        }
        return StackedMnistModes.of(digits, confidence);
    }

    @Test
    void allTriplesOnceAreUniformInEveryPart() {
        StackedMnistModes m = surely(product(10));
        assertThat(m.joint().modesCovered()).isEqualTo(1000);
        assertThat(m.joint().klToData()).isCloseTo(0, within(1e-12));
        assertThat(m.channelKl()).isCloseTo(0, within(1e-12));
        assertThat(m.dependence()).isCloseTo(0, within(1e-12));
    }

    @Test
    void unbalancedDigitsInOneChannelShowAsThatChannelsKl() {
        StackedMnistModes m = surely(product(5));
        assertThat(m.joint().modesCovered()).isEqualTo(500);
        assertThat(m.joint().klToData()).isCloseTo(Math.log(2), within(1e-12));
        assertThat(m.channels().get(0).klToData()).isCloseTo(Math.log(2), within(1e-12));
        assertThat(m.channels().get(1).klToData()).isCloseTo(0, within(1e-12));
        assertThat(m.dependence()).isCloseTo(0, within(1e-12));
        // Channel 0 holds digits 0-4 only: of the 1,500 readings, 0-4 take 100 + 2·50 each, 5-9 take 2·50.
        double a = 200 / 1500.0;
        double b = 100 / 1500.0;
        assertThat(m.digitShares()).containsExactly(new double[] {a, a, a, a, a, b, b, b, b, b}, within(1e-12));
        assertThat(m.ambiguous()).isZero();
    }

    @Test
    void countsReadingsBelowTheConfidenceThresholdAsAmbiguous() {
        int[][] digits = product(10);
        float[][] confidence = new float[3][1000];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 1000; i++) {
                // 0.9 (as a float, like the classifier's output) is sure; in channel 1, every fourth reading is just below it.
                confidence[c][i] = c == 1 && i % 4 == 0 ? Math.nextDown(0.9f) : 0.9f;
            }
        }
        StackedMnistModes m = StackedMnistModes.of(digits, confidence);
        assertThat(m.ambiguous()).isCloseTo(250 / 3000.0, within(1e-15));
        assertThat(m.joint().klToData()).isCloseTo(0, within(1e-12));
        // Channel 1's unsure readings are the i ≡ 0 (mod 4): 30 of each even digit's 100, 20 of each odd one's.
        double even = 270 / 2750.0;
        double odd = 280 / 2750.0;
        assertThat(m.sureDigitShares()).containsExactly(new double[] {even, odd, even, odd, even, odd, even, odd, even, odd}, within(1e-12));
        assertThat(m.digitShares()).containsOnly(0.1);
        float[][] short1 = {confidence[0], new float[999], confidence[2]};
        assertThatThrownBy(() -> StackedMnistModes.of(digits, short1)).hasMessage(
                "every channel needs one digit and one confidence per sample; channel 1 has 1000 digits and 999 confidences for 1000 samples");
    }

    @Test
    void channelsCopyingOneDigitShowAsDependence() {
        int[][] digits = new int[3][1000];
        for (int i = 0; i < 1000; i++) {
            digits[0][i] = digits[1][i] = digits[2][i] = i % 10;
        }
        StackedMnistModes m = surely(digits);
        assertThat(m.joint().modesCovered()).isEqualTo(10);
        assertThat(m.joint().klToData()).isCloseTo(Math.log(100), within(1e-12));
        assertThat(m.channelKl()).isCloseTo(0, within(1e-12));
        assertThat(m.dependence()).isCloseTo(Math.log(100), within(1e-12));
    }

    @Test
    void rejectsOtherChannelCounts() {
        assertThatThrownBy(() -> StackedMnistModes.of(new int[2][10], new float[2][10])).hasMessageContaining("3 channels, got 2");
    }
}
