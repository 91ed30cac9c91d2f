package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.engine.EngineChoice;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.run.RunBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Out-of-tree plugin jars: a generator/discriminator variant gets every training feature; a custom step that declares none is refused. */
final class PluginContractTest {

    @TempDir
    Path tmp;

    @AfterEach
    void backToTheDefaultEngine() {
        EngineChoice.use("mxnet");
    }

    @Test
    void aGeneratorDiscriminatorPluginHonoursPenaltyTopKAugmentationAndEma() throws Exception {
        Path jars = PluginJars.build("docs-plugin", "org.example.plugins.ExamplePlugin", tmp);
        Path penalized = tmp.resolve("penalized");
        Cli gp = Cli.run("train", "mlp", "--plugins", jars.toString(), "--engine", "pytorch", "--data", "ring8:500", "--loss", "wgan",
                "--penalty", "wgan-gp", "--steps", "10", "--log-every", "5", "--top-k", "0.5", "--ema", "0.9", "--out", penalized.toString());
        assertThat(gp.exitCode()).as(gp.err()).isZero();
        assertThat(Files.readString(penalized.resolve("metrics.jsonl"))).contains("\"d_penalty\"");
        assertThat(Files.readString(penalized.resolve("run.json"))).contains("\"penalty\" : \"wgan-gp\"").contains("\"emaDecay\" : 0.9")
                .contains("\"jar\" : \"docs-plugin.jar\"").containsPattern("\"sha256\" : \"[0-9a-f]{64}\"");

        // What the run asks for reaches the plugin's variant through its context.
        EngineChoice.use("mxnet");
        GanVariant variant = RunBuilder.create(Plugins.discover(jars)).setVariant("mlp").optData("ring8:500")
                .optPenalty("none").optTopK(0.5).optSteps(5).setOutput(tmp.resolve("unused")).build().variant();
        assertThat(((AdversarialVariant) variant).context().topK().nu()).isEqualTo(0.5);
        assertThat(tmp.resolve("unused")).doesNotExist();

        // Sampling needs the variant's plugin: without it the message says how to load it.
        Cli sample = Cli.run("sample", "--run", penalized.toString(), "--out", tmp.resolve("s.png").toString());
        assertThat(sample.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(sample.err()).contains("unknown variant 'mlp'").contains("--plugins DIR");
    }

    @Test
    void aCustomStepVariantThatDeclaresNothingIsRefusedWhatItCannotHonour() throws Exception {
        Path jars = PluginJars.build("docs-plugin", "org.example.plugins.ExamplePlugin", tmp);
        Path out = tmp.resolve("custom");
        Cli plain = Cli.run("train", "tiny-autoencoder", "--plugins", jars.toString(), "--data", "ring8:500", "--steps", "5", "--out", out.toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        for (String[] option : new String[][] {{"--top-k", "0.5", "ring8:500"}, {"--augment", "color", "mnist"}}) {
            Path refused = tmp.resolve("refused" + option[0]);
            Cli cli = Cli.run("train", "tiny-autoencoder", "--plugins", jars.toString(), "--data", option[2], "--steps", "5", option[0], option[1],
                    "--out", refused.toString());
            assertThat(cli.exitCode()).isEqualTo(GanCommand.USER_ERROR);
            assertThat(cli.err().strip()).doesNotContain("\n").contains("variant 'tiny-autoencoder'").contains("does not honour " + option[0].substring(2));
            assertThat(refused).doesNotExist();
        }
        // A run trained with a plugin's loss is sampled without that plugin; what needs the loss names it.
        Path lossRun = tmp.resolve("external-loss");
        Cli withLoss = Cli.run("train", "gan", "--plugins", jars.toString(), "--loss", "softplus-hinge", "--data", "ring8:500",
                "--steps", "5", "--out", lossRun.toString());
        assertThat(withLoss.exitCode()).as(withLoss.err()).isZero();
        assertThat(Files.readString(lossRun.resolve("run.json"))).contains("\"jar\" : \"docs-plugin.jar\"");
        Cli sampled = Cli.run("sample", "--run", lossRun.toString(), "--out", tmp.resolve("points.npy").toString());
        assertThat(sampled.exitCode()).as(sampled.err()).isZero();
        Cli drs = Cli.run("eval", "--run", lossRun.toString(), "--drs", "-n", "100", "--metrics", "fid");
        assertThat(drs.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(drs.err()).contains("the run's loss 'softplus-hinge' is not loaded").contains("--plugins DIR");

        Cli ema = Cli.run("train", "tiny-autoencoder", "--plugins", jars.toString(), "--data", "ring8:500", "--ema", "0.9", "--out",
                tmp.resolve("ema").toString());
        assertThat(ema.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(ema.err()).contains("needs a variant with a generator; 'tiny-autoencoder' has none");
    }
}
