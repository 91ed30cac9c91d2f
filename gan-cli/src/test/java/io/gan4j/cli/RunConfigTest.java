package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gan train --config}: YAML, JSON and an earlier run.json repeat the run the flags give; hostile files end in one line. */
final class RunConfigTest {

    @TempDir
    Path tmp;

    private static final String[] FLAGS = {"--data", "ring8:500", "--steps", "12", "--lr", "1e-3", "-o", "hidden=32", "--seed", "4"};

    @Test
    void yamlJsonAndAnEarlierRunJsonGiveTheWeightsOfTheEquivalentFlags() throws Exception {
        Path flags = train("flags", "gan", FLAGS[0], FLAGS[1], FLAGS[2], FLAGS[3], FLAGS[4], FLAGS[5], FLAGS[6], FLAGS[7], FLAGS[8], FLAGS[9]);
        Path yaml = write("run.yaml", """
                # the same run as the flags
                variant: gan
                data: ring8:500
                variantOptions: {hidden: 32}
                training:
                  steps: 12
                  seed: 4
                  adam:
                    learningRate: 1e-3
                """);
        Path json = write("run.json", """
                {"variant": "gan", "data": "ring8:500", "variantOptions": {"hidden": "32"},
                 "training": {"steps": 12, "seed": 4, "adam": {"learningRate": 0.001}}}
                """);
        byte[] expected = Files.readAllBytes(flags.resolve("model/networks.npz"));
        for (Path config : new Path[] {yaml, json, flags.resolve("run.json")}) {
            Path run = train("from-" + config.getFileName() + config.getParent().getFileName(), "--config", config.toString());
            assertThat(Files.readAllBytes(run.resolve("model/networks.npz"))).as(config.toString()).isEqualTo(expected);
        }
        // Epochs stand for steps: 500 points in batches of 64 make 7 steps per epoch.
        Path epochs = train("epochs", "--config", write("epochs.yaml", "variant: gan\ndata: ring8:500\ntraining: {epochs: 2}\n").toString());
        assertThat(Files.readString(epochs.resolve("run.json"))).contains("\"steps\" : 14");
        // Flags override the file.
        Path seed5 = train("seed5", "--config", yaml.toString(), "--seed", "5");
        assertThat(Files.readString(seed5.resolve("run.json"))).contains("\"seed\" : 5");
    }

    @Test
    void dryRunPrintsTheResolvedRunAndWritesNothing() {
        Path out = tmp.resolve("dry");
        Cli dry = Cli.run("train", "gan", "--data", "ring8:500", "--loss", "wgan", "--dry-run", "--out", out.toString());
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("\"discriminatorSteps\" : 5").contains("\"collapse-alarm\"").contains("\"hidden\" : \"128\"")
                .contains("\"engine\" : \"mxnet\"");
        assertThat(out).doesNotExist();
    }

    @Test
    void hostileConfigsEndWithOneLineAndExitTwo() throws Exception {
        assertRefused(write("unknown.yaml", "variant: gan\ntraining:\n  stepz: 5\n"),
                "unknown.yaml:3: unknown key 'training.stepz'; valid keys there: adam, batchSize");
        assertRefused(write("type.yaml", "variant: gan\ntraining:\n  steps: many\n"), "type.yaml:3: ", "(at 'training.steps')");
        assertRefused(write("duplicate.yaml", "variant: gan\nvariant: dcgan\n"), "duplicate.yaml:2: Duplicate field 'variant'");
        assertRefused(write("duplicate.json", "{\"variant\": \"gan\", \"variant\": \"gan\"}"), "duplicate.json:1: Duplicate field 'variant'");
        assertRefused(write("range.yaml", "variant: gan\ndata: ring8:500\ntraining: {steps: -5}\n"), "steps must be > 0, was -5");
        assertRefused(write("float.yaml", "variant: gan\ntraining: {steps: 1.5}\n"), "float.yaml:2: ");
        StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            String p = String.valueOf((char) (c - 1));
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        assertRefused(write("bomb.yaml", bomb.toString()), "bomb.yaml");
        assertRefused(write("deep.yaml", "variant: gan\nmonitors: " + "[".repeat(5000) + "]".repeat(5000) + "\n"), "deep.yaml");
        assertRefused(write("deep.json", "{\"monitors\": " + "[".repeat(5000) + "]".repeat(5000) + "}"), "deep.json");
        Path big = tmp.resolve("big.yaml");
        try (Writer w = Files.newBufferedWriter(big)) {
            w.write("variant: gan\ncomment: |\n");
            String line = "  " + "x".repeat(98) + "\n";
            for (int i = 0; i < 500_000; i++) {
                w.write(line);
            }
        }
        assertRefused(big, "big.yaml has 50500024 bytes", "config files are at most 1048576 bytes");
        assertRefused(write("list.yaml", "- variant: gan\n"), "list.yaml: a config is a mapping");
        assertRefused(write("record.json", "{\"spec\": {\"variant\": \"gan\"},\n \"bogus\": 1}"),
                "record.json:2: unknown key 'bogus'; valid keys: classCounts, numClasses, plugins, provenance, resumes, sampleShape, spec");
        assertRefused(tmp.resolve("missing.yaml"), "config file not found");
    }

    @Test
    void resumeWithChangedSettingsIsRefusedWithTheDifferences() throws Exception {
        Path run = train("resumed", "gan", "--data", "ring8:500", "--steps", "6");
        Cli changed = Cli.run("train", "--resume", run.toString(), "--loss", "hinge", "--lr", "1e-3", "--steps", "8");
        assertThat(changed.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(changed.err().strip()).doesNotContain("\n")
                .contains("was recorded with other settings").contains("loss: ns -> hinge").contains("training.adam.learningRate: 2.0E-4 -> 0.001")
                .doesNotContain("training.steps");
        Cli shorter = Cli.run("train", "--resume", run.toString(), "--steps", "3");
        assertThat(shorter.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(shorter.err()).contains("has a budget of 6 steps");
        Cli longer = Cli.run("train", "--resume", run.toString(), "--steps", "9");
        assertThat(longer.exitCode()).as(longer.err()).isZero();
        assertThat(Files.readString(run.resolve("run.json"))).contains("\"steps\" : 9");
    }

    private void assertRefused(Path config, String... expected) {
        Cli cli = Cli.run("train", "--config", config.toString(), "--out", tmp.resolve("never").toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(cli.err().strip()).doesNotContain("\n").doesNotContain("Exception").contains(expected);
        assertThat(tmp.resolve("never")).doesNotExist();
    }

    private Path train(String name, String... args) {
        Path out = tmp.resolve(name);
        String[] all = new String[args.length + 5];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--out";
        all[args.length + 2] = out.toString();
        all[args.length + 3] = "--alarm-every";
        all[args.length + 4] = "0";
        Cli cli = Cli.run(all);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return out;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }
}
