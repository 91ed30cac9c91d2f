package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user error prints one line naming what is wrong and exits with 2, without a stack trace. */
final class UserErrorsTest {

    @TempDir
    Path tmp;

    private static void assertUserError(Cli result, String expected) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip()).doesNotContain("\n").doesNotContain("Exception").contains(expected);
    }

    @Test
    void missingDataFile() {
        assertUserError(Cli.run("train", "dcgan", "--data", "idx:" + tmp.resolve("nope.gz")), "file not found: " + tmp.resolve("nope.gz"));
    }

    @Test
    void corruptIdxFile() throws Exception {
        Path bad = tmp.resolve("bad-images.gz");
        Files.write(bad, new byte[] {0, 0, 8, 3, 0, 0, 0, 5, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3});
        assertUserError(Cli.run("train", "dcgan", "--data", "idx:" + bad), "not a valid IDX file " + bad + ": truncated");
    }

    @Test
    void unknownVariantListsTheAvailableOnes() {
        assertUserError(Cli.run("train", "stylegan9"), "gan train: error: unknown variant 'stylegan9'; available: acgan, autoencoder, cgan, context-encoder, cyclegan, dcgan, fanogan, gan, ganomaly, infogan, pix2pix, sgan, srgan");
    }

    @Test
    void unknownOrInvalidOptions() {
        assertUserError(Cli.run("train", "dcgan", "-o", "layers=3"), "unknown option 'layers' for variant 'dcgan'; valid options: latent, width, depth, kernel, pack, minibatch-std");
        assertUserError(Cli.run("train", "dcgan", "-o", "width=huge"), "option 'width' of variant 'dcgan' expects an integer, got 'huge'");
        assertUserError(Cli.run("train", "dcgan", "--loss", "wasserstein9"), "unknown loss 'wasserstein9'");
        assertUserError(Cli.run("train", "dcgan", "--frobnicate"), "unknown option '--frobnicate'");
    }

    @Test
    void badNumbers() {
        assertUserError(Cli.run("train", "dcgan", "--steps", "abc"), "Invalid value for option '--steps': 'abc' is not a long");
        assertUserError(Cli.run("train", "dcgan", "--steps", "0"), "steps must be > 0, was 0");
        assertUserError(Cli.run("train", "dcgan", "--batch", "-4"), "batch size must be > 0, was -4");
        assertUserError(Cli.run("train", "dcgan", "--lr", "-1"), "learning rate must be > 0, was -1.0");
        assertUserError(Cli.run("train", "dcgan", "--g-steps", "0"), "generatorSteps (--g-steps) must be >= 1, was 0");
        assertUserError(Cli.run("train", "dcgan", "--d-steps", "0"), "discriminator steps must be > 0, was 0");
    }

    @Test
    void dataTheVariantCannotUse() {
        assertUserError(Cli.run("train", "dcgan", "--data", "ring8:100"), "dcgan needs square images (C, S, S) with 1 to 4 channels, got (2)");
        assertUserError(Cli.run("train", "dcgan", "-o", "depth=5"),
                "dcgan: 5 stride-2 stages of kernel 4 are too many for a 28-pixel side (one pixel left after 4); use a smaller depth");
    }

    @Test
    void badRunAndPluginDirectories() {
        assertUserError(Cli.run("sample", "--run", tmp.resolve("nothing").toString()), "not a run directory (no run.json): " + tmp.resolve("nothing"));
        assertUserError(Cli.run("train", "--resume", tmp.resolve("nothing").toString()), "cannot resume " + tmp.resolve("nothing") + ": it holds no run (no run.json)");
        assertUserError(Cli.run("list", "--plugins", tmp.resolve("none").toString()), "plugin directory not found: " + tmp.resolve("none"));
    }
}
