package io.gan4j.data.stacked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gan4j.core.data.Dataset;
import io.gan4j.data.DataPlugin;
import io.gan4j.data.idx.IdxDatasets;
import io.gan4j.data.toy.ToyMixture;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class StackedMnistTest {

    @Test
    void stacksThreeDigitsAsChannelsAndLabelsTheTriple() {
        Dataset mnist = IdxDatasets.embeddedMnist();
        StackedMnist stacked = new StackedMnist(mnist, 20_000, 5);
        assertThat(stacked.sampleShape().getShape()).containsExactly(3, 28, 28);
        assertThat(stacked.numClasses()).isEqualTo(1000);
        float[] sample = new float[3 * 784];
        stacked.read(7, sample, 0);
        int label = stacked.label(7);
        // Each channel is one MNIST image; find them back by content to check the label's digits.
        for (int c = 0; c < 3; c++) {
            int digit = (c == 0 ? label / 100 : c == 1 ? label / 10 : label) % 10;
            assertThat(containsImage(mnist, sample, c * 784, digit)).as("channel %d is an MNIST %d", c, digit).isTrue();
        }
        Set<Integer> modes = new HashSet<>();
        for (int i = 0; i < stacked.size(); i++) {
            modes.add(stacked.label(i));
        }
        // 20,000 uniform draws over 1,000 modes leave ~0 empty: all but a handful are present.
        assertThat(modes.size()).isGreaterThan(990);
    }

    private static boolean containsImage(Dataset mnist, float[] sample, int offset, int digit) {
        float[] image = new float[784];
        for (int i = 0; i < mnist.size(); i++) {
            if (mnist.label(i) != digit) {
                continue;
            }
            mnist.read(i, image, 0);
            if (java.util.Arrays.equals(image, java.util.Arrays.copyOfRange(sample, offset, offset + 784))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void thePluginStacksTheDigitsOfAnotherSpec() {
        var factory = new DataPlugin().datasets().stream().filter(f -> f.name().equals("stacked-mnist")).findFirst().orElseThrow();
        Dataset mnist = IdxDatasets.embeddedMnist();
        Dataset embedded = factory.open("500", 4);
        Dataset viaSpec = factory.open("500@mnist", 4, spec -> {
            assertThat(spec).isEqualTo("mnist");
            return mnist;
        });
        // The same digits and seed give the same triples, whichever way they are named.
        assertThat(viaSpec.size()).isEqualTo(500);
        float[] a = new float[3 * 784];
        float[] b = new float[3 * 784];
        for (int i = 0; i < 500; i += 99) {
            embedded.read(i, a, 0);
            viaSpec.read(i, b, 0);
            assertThat(b).as("sample %d", i).containsExactly(a);
            assertThat(viaSpec.label(i)).isEqualTo(embedded.label(i));
        }
        assertThat(factory.open("", 4).size()).isEqualTo(60_000);
        assertThatThrownBy(() -> factory.open("10@", 4, spec -> mnist)).hasMessage(
                "dataset 'stacked-mnist' expects stacked-mnist:[N][@SPEC], got '10@'");
        assertThatThrownBy(() -> factory.open("10@ring8", 4, spec -> ToyMixture.ring8().sample(100, 1)))
                .hasMessageContaining("1x28x28 digits");
    }

    @Test
    void needsLabelledDigits() {
        assertThatThrownBy(() -> new StackedMnist(ToyMixture.ring8().sample(100, 1), 10, 1)).hasMessageContaining("1x28x28 digits");
    }
}
