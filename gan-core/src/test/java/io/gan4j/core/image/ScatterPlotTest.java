package io.gan4j.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Checks where {@link ScatterPlot} puts real and generated points. */
final class ScatterPlotTest {

    @Test
    void drawsRealPointsGreyAndGeneratedPointsBlueOnAxesFittedToTheRealOnes() {
        // Real points span [-1, 1]²; axes are padded by 10%, so [-1.2, 1.2] maps to pixels 40..560.
        float[] real = {-1, -1, 1, 1, -1, 1, 1, -1};
        float[] generated = {0, 0, 50, 50};
        BufferedImage plot = ScatterPlot.render(real, generated, "test");
        assertThat(plot.getWidth()).isEqualTo(600);
        assertThat(plot.getRGB(300, 300) & 0xFFFFFF).isEqualTo(0x1F77B4);
        int corner = 40 + Math.round(0.2f / 2.4f * 520);
        assertThat(plot.getRGB(corner, corner) & 0xFFFFFF).isEqualTo(0xA0A0A0);
        // A point far outside is clamped to the edge, not dropped.
        assertThat(plot.getRGB(560, 40) & 0xFFFFFF).isEqualTo(0x1F77B4);
    }

    @Test
    void rejectsUnpairedCoordinates() {
        assertThatThrownBy(() -> ScatterPlot.render(new float[] {1, 2, 3}, new float[0], "x")).hasMessageContaining("(x, y) pairs");
    }
}
