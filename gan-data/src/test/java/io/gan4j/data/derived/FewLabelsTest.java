package io.gan4j.data.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.data.idx.IdxDatasets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** fewlabels on the embedded MNIST test split: balanced, seeded draws; each sample an unlabelled image and a labelled one. */
final class FewLabelsTest {

    private static final Dataset MNIST = IdxDatasets.embeddedMnist();

    @Test
    void drawsTheSameNumberPerClassBySeedAndPairsEveryImageWithOne() {
        FewLabels few = FewLabels.parse("100", MNIST);
        int[] labelled = few.labelled();
        assertThat(new HashSet<>(Arrays.stream(labelled).boxed().toList())).hasSize(100);
        int[] perClass = new int[10];
        for (int i = 0; i < labelled.length; i++) {
            perClass[MNIST.label(labelled[i])]++;
            // Interleaved by class: example i is of class i mod 10.
            assertThat(MNIST.label(labelled[i])).isEqualTo(i % 10);
        }
        assertThat(perClass).containsOnly(10);
        assertThat(few.size()).isEqualTo(MNIST.size());
        assertThat(few.sampleShape()).isEqualTo(new Shape(2, 1, 28, 28));
        assertThat(few.numClasses()).isEqualTo(10);

        int image = 784;
        for (int index : new int[] {0, 1234, 9999}) {
            float[] sample = new float[2 * image];
            few.read(index, sample, 0);
            float[] unlabelled = new float[image];
            float[] example = new float[image];
            MNIST.read(index, unlabelled, 0);
            MNIST.read(labelled[index % 100], example, 0);
            assertThat(Arrays.equals(Arrays.copyOf(sample, image), unlabelled)).isTrue();
            assertThat(Arrays.equals(Arrays.copyOfRange(sample, image, 2 * image), example)).isTrue();
            assertThat(few.label(index)).isEqualTo(MNIST.label(labelled[index % 100]));
        }
        // The same seed draws the same examples; another seed others.
        assertThat(FewLabels.parse("100,seed=1", MNIST).labelled()).containsExactly(labelled);
        Set<Integer> other = new HashSet<>(Arrays.stream(FewLabels.parse("100,seed=2", MNIST).labelled()).boxed().toList());
        other.retainAll(Arrays.stream(labelled).boxed().toList());
        assertThat(other.size()).isLessThan(10);
        assertThat(few.description()).contains("with 100 labels (10 per class, seed 1)");
    }

    @Test
    void refusesWhatCannotBeBalanced() {
        assertThatThrownBy(() -> FewLabels.parse("15", MNIST)).hasMessageContaining("must be a positive multiple of the 10 classes");
        assertThatThrownBy(() -> FewLabels.parse("x", MNIST)).hasMessageContaining("expects fewlabels:N[,seed=S]@SPEC");
        assertThatThrownBy(() -> FewLabels.parse("10,sed=3", MNIST)).hasMessageContaining("expects fewlabels:N[,seed=S]@SPEC");
        assertThatThrownBy(() -> FewLabels.parse("20000", MNIST)).hasMessageContaining("needs 2000 examples of class");
        assertThatThrownBy(() -> FewLabels.parse("10", ClassFilter.parse("1", MNIST))).hasMessageContaining("needs 1 examples of class 1");
    }
}
