package io.gan4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class OptionsTest {

    private static final List<OptionSpec> SPECS = List.of(
            OptionSpec.integer("width", 64, 4, 1024, "w"),
            OptionSpec.real("gamma", 10.0, 0, 1e6, "g"),
            OptionSpec.bool("affine", false, "a"),
            OptionSpec.choice("norm", "batch", "n", "batch", "instance"));

    @Test
    void appliesDefaultsAndParsesValues() {
        Options o = Options.resolve("variant 'x'", SPECS, Map.of("width", "32", "norm", "instance", "affine", "TRUE"));
        assertThat(o.getInt("width")).isEqualTo(32);
        assertThat(o.getDouble("gamma")).isEqualTo(10.0);
        assertThat(o.getBoolean("affine")).isTrue();
        assertThat(o.getString("norm")).isEqualTo("instance");
    }

    @Test
    void unknownOptionListsTheValidOnes() {
        assertThatThrownBy(() -> Options.resolve("variant 'x'", SPECS, Map.of("depth", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option 'depth' for variant 'x'; valid options: width, gamma, affine, norm");
    }

    @Test
    void badValuesNameOptionOwnerAndExpectation() {
        assertThatThrownBy(() -> Options.resolve("variant 'x'", SPECS, Map.of("width", "wide")))
                .hasMessage("option 'width' of variant 'x' expects an integer, got 'wide'");
        assertThatThrownBy(() -> Options.resolve("variant 'x'", SPECS, Map.of("width", "2")))
                .hasMessage("option 'width' of variant 'x' expects an integer in [4, 1024], got 2");
        assertThatThrownBy(() -> Options.resolve("variant 'x'", SPECS, Map.of("gamma", "NaN")))
                .hasMessageContaining("expects a number in");
        assertThatThrownBy(() -> Options.resolve("variant 'x'", SPECS, Map.of("norm", "layer")))
                .hasMessage("option 'norm' of variant 'x' expects one of [batch, instance], got 'layer'");
    }

    @Test
    void declarationsAreValidated() {
        assertThatThrownBy(() -> OptionSpec.integer("Bad_Name", 1, 0, 2, "")).hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> OptionSpec.integer("n", 5, 0, 2, "")).hasMessageContaining("in [0, 2]");
    }
}
