package io.gan4j.eval.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gan4j.core.config.RunConfig;
import io.gan4j.core.config.RunConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading sweeps: grids, listed points crossed with the grid, point names, configs, and what is refused. */
final class SweepTest {

    @TempDir
    Path tmp;

    @Test
    void listedPointsAreCrossedWithTheGridAndNamedByTheirSettings() throws Exception {
        Files.writeString(tmp.resolve("base.yaml"), "variant: dcgan\ntraining: {epochs: 2, seed: 5}\n");
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, """
                base: base.yaml
                grid:
                  training.seed: [0, 1]
                  training.steps: [100]
                points:
                  - {variantOptions.width: 32}
                  - {variantOptions.width: 64, training.adam.learningRate: 1.0e-4}
                evaluation: {metrics: [fid], count: 500}
                parallel: 2
                """);
        Sweep sweep = Sweep.read(file);
        assertThat(sweep.points()).extracting(SweepPoint::id).containsExactly(
                "width=32,seed=0,steps=100", "width=32,seed=1,steps=100",
                "width=64,learningRate=1.0E-4,seed=0,steps=100", "width=64,learningRate=1.0E-4,seed=1,steps=100");
        RunConfig last = sweep.points().get(3).config();
        assertThat(last.variant()).isEqualTo("dcgan");
        assertThat(last.variantOptions()).containsEntry("width", "64");
        assertThat(last.training().seed()).isEqualTo(1);
        assertThat(last.training().steps()).isEqualTo(100);
        assertThat(last.training().epochs()).as("steps replace the base's epochs").isNull();
        assertThat(last.training().adam().learningRate()).isEqualTo(1e-4);
        assertThat(sweep.evaluation().metrics()).containsExactly("fid");
        assertThat(sweep.evaluation().count()).isEqualTo(500);
        assertThat(sweep.parallel()).isEqualTo(2);
        assertThat(sweep.points().get(2).settingsWithoutSeed()).doesNotContainKey(Sweep.SEED).containsKey("training.steps");
    }

    @Test
    void keysThatShareALastSegmentAreNamedInFullAndTheBuilderKeepsAxisOrder() {
        Sweep sweep = Sweep.builder(RunConfig.EMPTY).optGrid("training.seed", 3).optGrid("lossOptions.seed", "x y").build();
        assertThat(sweep.points()).extracting(SweepPoint::id).containsExactly("training.seed=3,lossOptions.seed=x_y");
        assertThat(Sweep.builder(RunConfig.EMPTY).build().points()).extracting(SweepPoint::id).containsExactly("base");
    }

    @Test
    void invalidSweepsAreRefusedNamingTheFileAndKey() throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "config: {variant: dcgan}\ngrid: {training.steps: [ten]}\n");
        assertThatThrownBy(() -> Sweep.read(file)).hasMessageStartingWith("bad.yaml (point steps=ten): ")
                .hasMessageContaining("training.steps");
        Files.writeString(file, "config: {variant: dcgan}\ngrid: {loss: []}\n");
        assertThatThrownBy(() -> Sweep.read(file)).hasMessage(file + ": grid: 'loss' has no values");
        Files.writeString(file, "config: {variant: dcgan}\ngrid: {loss: [ns, ns]}\n");
        assertThatThrownBy(() -> Sweep.read(file)).hasMessageContaining("the sweep has the point loss=ns twice");
        Files.writeString(file, "config: {variant: dcgan}\ngird: {loss: [ns]}\n");
        assertThatThrownBy(() -> Sweep.read(file)).hasMessageContaining("unknown key 'gird'");
        Files.writeString(file, "config: {variant: dcgan}\npoints: [{loss: ns}]\ngrid: {loss: [hinge]}\n");
        assertThatThrownBy(() -> Sweep.read(file)).hasMessageContaining("'loss' is set both by a listed point and by the grid");
        assertThatThrownBy(() -> RunConfigFile.withSettings(RunConfig.EMPTY, Map.of("training..seed", 1), "x"))
                .hasMessage("x: invalid key 'training..seed'; keys are paths like training.seed");
        assertThatThrownBy(() -> Sweep.builder(RunConfig.EMPTY).optParallel(0).build()).hasMessage("parallel must be >= 1, was 0");
    }
}
