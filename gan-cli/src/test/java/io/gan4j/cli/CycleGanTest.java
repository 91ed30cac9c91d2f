package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.eval.translation.TranslationEvaluation;
import io.gan4j.eval.translation.TranslationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CycleGAN on MNIST digits (A) and a restyled copy (B: thickened, inverted), trained unpaired on
 * disjoint halves of the embedded digits; the true mapping is known, so translations are measured
 * against it on other digits.
 */
final class CycleGanTest {

    private static final String A = "range:0-4000@mnist";
    private static final String B = "restyle:thicken,invert@range:4000-8000@mnist";
    private static final String[] SMALL = {"-o", "ngf=8", "-o", "ndf=8", "-o", "blocks=1", "-o", "flip=false", "--batch", "8",
        "--seed", "3", "--sample-every", "0"};

    @TempDir
    Path tmp;

    @Test
    void aShortSeededRunTranslatesFarCloserToTheTrueMappingThanTheInput() {
        Path run = tmp.resolve("run");
        Cli train = Cli.run(PluginDiscoveryTest.concat(new String[] {"train", "cyclegan", "--a", A, "--b", B, "--steps", "80",
            "--out", run.toString()}, SMALL));
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(run.resolve("samples/latest.png")).isRegularFile();

        PluginRegistry registry = Plugins.discover(null);
        Dataset testA = registry.openDataset("range:8000-8500@mnist", 0);
        Dataset testB = registry.openDataset("restyle:thicken,invert@range:8000-8500@mnist", 0);
        try (TrainedModel model = TrainedModel.load(registry, run);
                FeatureNetwork lenet = registry.createFeatureNetwork("lenet-mnist", Map.of(), testA.sampleShape())) {
            var t = model.variant().translations();
            TranslationReport r = new TranslationEvaluation(t.get("AtoB"), t.get("BtoA"), lenet).evaluate(testA, testB, true, 500);
            System.out.print(r.format());
            assertThat(r.maeAtoB()).isLessThan(r.maeUntranslated() / 3);
            assertThat(r.maeBtoA()).isLessThan(r.maeUntranslated() / 3);
            assertThat(r.cycleA()).isLessThan(r.maeUntranslated() / 3);
        }
    }

    @Test
    void aResumedRunContinuesExactlyWithItsImagePoolsAndLearningRateDecay() throws Exception {
        Path straight = tmp.resolve("straight");
        Path resumed = tmp.resolve("resumed");
        String[] common = PluginDiscoveryTest.concat(new String[] {"--a", A, "--b", B, "-o", "pool=4", "--checkpoint-every", "3"}, SMALL);
        assertThat(Cli.run(PluginDiscoveryTest.concat(new String[] {"train", "cyclegan", "--steps", "6", "--out", straight.toString()},
                common)).exitCode()).isZero();
        assertThat(Cli.run(PluginDiscoveryTest.concat(new String[] {"train", "cyclegan", "--steps", "6", "--out", resumed.toString()},
                common)).exitCode()).isZero();
        // Cut the second run back to its step-3 checkpoint, as if it had been interrupted there.
        try (var files = Files.list(resumed.resolve("checkpoints"))) {
            for (Path c : files.filter(c -> !c.getFileName().toString().endsWith("3")).toList()) {
                io.gan4j.core.io.AtomicFiles.deleteRecursively(c);
            }
        }
        io.gan4j.core.io.AtomicFiles.deleteRecursively(resumed.resolve("model"));
        Cli resume = Cli.run("train", "--resume", resumed.toString());
        assertThat(resume.exitCode()).as(resume.err()).isZero();
        assertThat(resume.err()).contains("steps 3..6");
        for (String file : new String[] {"model/networks.npz", "checkpoints/step-000000006/optimizers.npz"}) {
            Map<String, float[]> a = NpzFiles.read(straight.resolve(file));
            Map<String, float[]> b = NpzFiles.read(resumed.resolve(file));
            assertThat(b.keySet()).as(file).isEqualTo(a.keySet());
            a.forEach((name, values) -> assertThat(b.get(name)).as(name).containsExactly(values));
        }
        Map<String, float[]> state = NpzFiles.read(straight.resolve("checkpoints/step-000000006/optimizers.npz"));
        assertThat(state.get("variant/pool-a/count")).containsExactly(4f);
        assertThat(state.keySet()).contains("variant/pool-b/images", "variant/pool-b/count")
                .anyMatch(k -> k.startsWith("generators:generator-ba/")).anyMatch(k -> k.startsWith("discriminators:discriminator-a/"));
    }

    @Test
    void translateWritesOnePngPerInputUnderItsNameAndRejectsAnUnknownDirection() throws Exception {
        Path run = tmp.resolve("run");
        assertThat(Cli.run(PluginDiscoveryTest.concat(new String[] {"train", "cyclegan", "--a", A, "--b", B, "--steps", "2",
            "--out", run.toString()}, SMALL)).exitCode()).isZero();
        Path inputs = Files.createDirectories(tmp.resolve("in"));
        java.awt.image.BufferedImage digit = new java.awt.image.BufferedImage(56, 56, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        javax.imageio.ImageIO.write(digit, "png", inputs.resolve("one.png").toFile());
        javax.imageio.ImageIO.write(digit, "jpg", inputs.resolve("two.jpg").toFile());
        Path out = tmp.resolve("out");
        Cli translate = Cli.run("translate", "--run", run.toString(), "--direction", "AtoB", "--input", inputs.toString(),
                "--out", out.toString());
        assertThat(translate.exitCode()).as(translate.err()).isZero();
        assertThat(translate.out()).contains("translated 2 images AtoB");
        for (String name : new String[] {"one.png", "two.png"}) {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(out.resolve(name).toFile());
            assertThat(image.getWidth()).isEqualTo(28);
            assertThat(image.getHeight()).isEqualTo(28);
            assertThat(io.gan4j.core.media.PngProvenance.read(out.resolve(name))).get()
                    .satisfies(p -> assertThat(p.variant()).isEqualTo("cyclegan"));
        }
        Cli wrong = Cli.run("translate", "--run", run.toString(), "--direction", "AtoC", "--input", inputs.toString(),
                "--out", out.toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err().strip()).isEqualTo("gan translate: error: --direction must be one of [AtoB, BtoA], was 'AtoC'");
    }

    @Test
    void userErrorsNameWhatIsWrong() {
        Cli oneDomain = Cli.run("train", "cyclegan", "--a", A, "--steps", "1");
        assertThat(oneDomain.exitCode()).isEqualTo(2);
        assertThat(oneDomain.err()).contains("give both --a SPEC and --b SPEC");
        Cli notPaired = Cli.run("train", "cyclegan", "--data", "mnist", "--steps", "1", "--out", tmp.resolve("x").toString());
        assertThat(notPaired.exitCode()).isEqualTo(2);
        assertThat(notPaired.err()).contains("cyclegan trains on two image domains");
        Cli badRange = Cli.run("train", "cyclegan", "--a", "range:0-20000@mnist", "--b", B, "--steps", "1", "--out", tmp.resolve("y").toString());
        assertThat(badRange.exitCode()).isEqualTo(2);
        assertThat(badRange.err()).contains("range 0-20000 is not within the 10000 samples");
        Cli badStyle = Cli.run("train", "cyclegan", "--a", A, "--b", "restyle:blur@mnist", "--steps", "1", "--out", tmp.resolve("z").toString());
        assertThat(badStyle.exitCode()).isEqualTo(2);
        assertThat(badStyle.err()).contains("unknown restyle transform 'blur'; expected one of [invert, thicken, thin, mirror, edges]");
    }

    /** The layout real photo sets (horse2zebra) come in: colour images of mixed sizes, scaled, randomly cropped and flipped. */
    @Test
    void trainsOnCycleGanStyleFoldersOfColourImagesWithCropAndFlip() throws Exception {
        java.util.Random random = new java.util.Random(1);
        for (String domain : new String[] {"trainA", "trainB"}) {
            Path dir = Files.createDirectories(tmp.resolve("photos").resolve(domain));
            for (int i = 0; i < 4; i++) {
                int side = 18 + 3 * i;
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(side, side + i, java.awt.image.BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < side; x++) {
                        image.setRGB(x, y, random.nextInt(1 << 24));
                    }
                }
                javax.imageio.ImageIO.write(image, i % 2 == 0 ? "png" : "jpg", dir.resolve("img" + i + (i % 2 == 0 ? ".png" : ".jpg")).toFile());
            }
        }
        Files.createDirectories(tmp.resolve("photos/empty"));
        Path run = tmp.resolve("run");
        Path photos = tmp.resolve("photos");
        Cli train = Cli.run("train", "cyclegan", "--a", "folder:" + photos.resolve("trainA") + ",size=20", "--b",
                "folder:" + photos.resolve("trainB") + ",size=20", "-o", "crop=16", "-o", "ngf=4", "-o", "ndf=4", "-o", "blocks=1",
                "--batch", "2", "--steps", "2", "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        java.awt.image.BufferedImage sheet = javax.imageio.ImageIO.read(run.resolve("samples/latest.png").toFile());
        assertThat(sheet.getWidth()).as("6 columns of 16-pixel images, magnified twice").isGreaterThan(6 * 32);
        Cli empty = Cli.run("train", "cyclegan", "--a", "folder:" + photos.resolve("empty"), "--b", "folder:" + photos.resolve("trainB"),
                "--steps", "1", "--out", tmp.resolve("e").toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("no images (.png, .jpg, .jpeg, .bmp, .gif) in " + photos.resolve("empty"));
    }
}
