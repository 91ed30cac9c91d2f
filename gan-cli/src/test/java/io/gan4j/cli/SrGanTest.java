package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.eval.superres.UpscalingEvaluation;
import io.gan4j.eval.superres.UpscalingReport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SRGAN 4x (7 -> 28 px) on Fashion-MNIST, trained on 3,000 test-split images and measured on 1,000 others against bicubic upscaling. */
final class SrGanTest {

    private static final Path FASHION = Path.of(System.getProperty("gan4j.shared.datasets", "../shared/datasets")).resolve("fashion-mnist");
    private static final String IMAGES = "idx:" + FASHION.resolve("t10k-images-idx3-ubyte.gz") + "," + FASHION.resolve("t10k-labels-idx1-ubyte.gz");
    private static final String[] SMALL = {"--data", "range:0-3000@" + IMAGES, "-o", "blocks=2", "-o", "ngf=32", "-o", "ndf=16",
        "--batch", "16", "--lr", "1e-3", "--seed", "5", "--sample-every", "0"};

    @TempDir
    Path tmp;

    @Test
    void aShortSeededRunUpscalesBetterThanBicubic() {
        Path run = tmp.resolve("run");
        Cli train = Cli.run(PluginDiscoveryTest.concat(new String[] {"train", "srgan", "--steps", "400", "--out", run.toString()}, SMALL));
        assertThat(train.exitCode()).as(train.err()).isZero();
        PluginRegistry registry = Plugins.discover(null);
        Dataset test = registry.openDataset("range:3000-4000@" + IMAGES, 0);
        try (TrainedModel model = TrainedModel.load(registry, run);
                FeatureNetwork lenet = registry.createFeatureNetwork("lenet-fashion", Map.of(), test.sampleShape())) {
            UpscalingReport r = new UpscalingEvaluation(model.variant().upscaler().orElseThrow(), lenet).evaluate(test, 1000);
            System.out.print(r.format());
            assertThat(r.factor()).isEqualTo(4);
            // Measured at this budget: FID 205 against 332, PSNR 17.3 against 16.0 dB, accuracy 0.764 against 0.676 (SRResNet: FID 219, 17.3 dB).
            assertThat(r.fid()).isLessThan(0.75 * r.bicubicFid());
            assertThat(r.accuracy()).isGreaterThan(r.bicubicAccuracy() + 0.05);
            assertThat(r.psnr()).isGreaterThan(r.bicubicPsnr() + 0.8);
        }
    }

    @Test
    void aResumedRunContinuesExactly() throws Exception {
        // pretrain=0.5 of 6 steps: the discriminator joins at step 3, where the run is cut and resumed.
        ExactResume.check(tmp, PluginDiscoveryTest.concat(new String[] {"train", "srgan"}, SMALL));
    }

    /** gan upscale writes 28x28 PNGs from 7x7 inputs; SRResNet has no discriminator; gan eval upscaling prints both columns. */
    @Test
    void upscaleWritesEnlargedImagesAndEvalPrintsTheBaseline() throws Exception {
        Path run = tmp.resolve("srresnet");
        Cli train = Cli.run(PluginDiscoveryTest.concat(new String[] {"train", "srgan", "--steps", "2", "-o", "adversarial=false",
            "--out", run.toString()}, SMALL));
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(NpzFiles.read(run.resolve("model/networks.npz")).keySet()).allMatch(k -> k.startsWith("generator"));

        Path inputs = Files.createDirectories(tmp.resolve("in"));
        ImageIO.write(new BufferedImage(7, 7, BufferedImage.TYPE_BYTE_GRAY), "png", inputs.resolve("small.png").toFile());
        Cli upscale = Cli.run("upscale", "--run", run.toString(), "--input", inputs.toString(), "--output", tmp.resolve("out").toString());
        assertThat(upscale.exitCode()).as(upscale.err()).isZero();
        assertThat(upscale.out()).contains("upscaled 1 image 4x (from 7x7)");
        BufferedImage out = ImageIO.read(tmp.resolve("out/small.png").toFile());
        assertThat(out.getWidth()).isEqualTo(28);
        assertThat(out.getHeight()).isEqualTo(28);

        Cli eval = Cli.run("eval", "upscaling", "--run", run.toString(), "--data", "range:3000-3100@" + IMAGES, "--features",
                "lenet-fashion");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("upscaling 4x, 100 test images").contains("bicubic").contains("SSIM")
                .contains("classifier accuracy on originals");
        Cli notUpscaling = Cli.run("upscale", "--run", tmp.resolve("none").toString(), "--input", inputs.toString(), "--out",
                tmp.resolve("o2").toString());
        assertThat(notUpscaling.exitCode()).isEqualTo(2);
        Cli badScale = Cli.run(PluginDiscoveryTest.concat(new String[] {"train", "srgan", "--steps", "1", "-o", "scale=3",
            "--out", tmp.resolve("bad").toString()}, SMALL));
        assertThat(badScale.exitCode()).isEqualTo(2);
        assertThat(badScale.err()).contains("scale=3 must be 2, 4 or 8");
    }
}
