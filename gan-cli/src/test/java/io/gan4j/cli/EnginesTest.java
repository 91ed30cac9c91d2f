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
 * accumulates them), {@code --engine} selects the engine from the command line, and {@code --device}
 * (and the builder's {@code optDevice}) a device the engine has, refusing one it lacks on either engine.
 */
final class EnginesTest {

    private static final int N = 300;

    @TempDir
    Path tmp;

    @AfterEach
    void backToTheDefault() {
        EngineChoice.use("mxnet");
        System.clearProperty(io.gan4j.core.engine.DeviceChoice.PROPERTY);
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

    @ParameterizedTest
    @ValueSource(strings = {"mxnet", "pytorch"})
    void theDeviceIsCheckedAgainstTheEngineAndRecorded(String engine) throws Exception {
        Path run = tmp.resolve("cpu");
        Cli cpu = Cli.run("train", "dcgan", "--engine", engine, "--device", "cpu", "--steps", "2", "-o", "width=8", "--out", run.toString());
        assertThat(cpu.exitCode()).as(cpu.err()).isZero();
        assertThat(Files.readString(run.resolve("run.json"))).contains("\"device\" : \"cpu()\"");
        Cli sample = Cli.run("sample", "--run", run.toString(), "--device", "cpu", "-n", "4", "--out", tmp.resolve("s.npy").toString());
        assertThat(sample.exitCode()).as(sample.err()).isZero();

        // No GPU here (nor a CUDA build of either engine): a clear refusal before anything is written.
        int gpus = Engine.getEngine(engine.equals("mxnet") ? "MXNet" : "PyTorch").getGpuCount();
        Cli gpu = Cli.run("train", "dcgan", "--device", "gpu:" + gpus, "--engine", engine, "--steps", "1", "--out", tmp.resolve("gpu").toString());
        assertThat(gpu.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(gpu.err().strip()).isEqualTo("gan train: error: device gpu:" + gpus + ": the " + engine + " engine sees " + gpus
                + " GPU(s) here" + (gpus == 0 ? " (no CUDA device, or its native library is the CPU build; see docs/engines.md, GPUs)" : ""));
        assertThat(tmp.resolve("gpu")).doesNotExist();
        Cli eval = Cli.run("eval", "--run", run.toString(), "--device", "gpu:" + gpus, "-n", "10");
        assertThat(eval.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(Cli.run("train", "dcgan", "--device", "tpu", "--steps", "1").err()).contains("unknown device 'tpu'; expected cpu, gpu or gpu:N");

        PluginRegistry registry = Plugins.discover(null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.gan4j.core.run.RunBuilder.create(registry).setVariant("dcgan")
                .optEngine(engine).optDevice("gpu:" + gpus).setOutput(tmp.resolve("builder")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("device gpu:" + gpus + ": the " + engine + " engine");
    }
}
