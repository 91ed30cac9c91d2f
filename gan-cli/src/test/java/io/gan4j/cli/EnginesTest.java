package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.engine.EngineChoice;
import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.train.GanTrainer;
import io.gan4j.core.config.RunSpec;
import io.gan4j.core.config.TrainingConfig;
import io.gan4j.eval.mmd.Mmd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same seeded DCGAN steps learn on MXNet (which overwrites gradients) and on PyTorch (which
 * accumulates them), and {@code --engine} selects the engine from the command line.
 */
final class EnginesTest {

    private static final int N = 300;

    @TempDir
    Path tmp;

    @AfterEach
    void backToTheDefault() {
        EngineChoice.use("mxnet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mxnet", "pytorch"})
    void seededDcganStepsLearnOnEachEngine(String engine) {
        EngineChoice.use(engine);
        PluginRegistry registry = Plugins.discover(null);
        Dataset mnist = registry.openDataset("mnist", 0);
        float[][] real = MnistRows.real(mnist, 0, N);
        float[][] heldOut = MnistRows.real(mnist, N, N);
        double sigma = Mmd.medianDistance(real, heldOut);
        RunSpec spec = new RunSpec("dcgan", Map.of("width", "16"), "ns", Map.of(), "mnist", TrainingConfig.defaults(300, 64, 5));
        double[] untrained = new double[1];
        try (GanTrainer trainer = new GanTrainer(spec, registry.createVariant(spec, mnist), mnist, tmp.resolve(engine));
                NDManager m = NDManager.newBaseManager()) {
            assertThat(m.getEngine().getEngineName()).isEqualTo(engine.equals("mxnet") ? "MXNet" : "PyTorch");
            trainer.addListener(e -> {
                if (e instanceof TrainingEvent.RunStarted) {
                    untrained[0] = Mmd.gaussian(MnistRows.generated(trainer, N, m), real, sigma);
                }
            });
            trainer.train();
            double trained = Mmd.gaussian(MnistRows.generated(trainer, N, m), real, sigma);
            System.out.printf("%s: pixel MMD^2 untrained %.4f, after 300 steps %.4f%n", engine, untrained[0], trained);
            assertThat(trained).isLessThan(untrained[0] / 4);
        }
    }

    @Test
    void theCommandLineSelectsTheEngineAndRecordsIt() throws Exception {
        Path run = tmp.resolve("run");
        Cli train = Cli.run("train", "dcgan", "--engine", "pytorch", "--steps", "3", "-o", "width=8", "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(Files.readString(run.resolve("run.json"))).contains("\"engine\" : \"PyTorch");
        assertThat(Engine.getDefaultEngineName()).isEqualTo("PyTorch");

        Cli bad = Cli.run("train", "dcgan", "--engine", "tensorflow", "--steps", "1", "--out", tmp.resolve("bad").toString());
        assertThat(bad.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(bad.err()).contains("unknown engine 'tensorflow'; available: mxnet, pytorch").doesNotContain("Exception");
    }
}
