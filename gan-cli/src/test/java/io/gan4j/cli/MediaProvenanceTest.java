package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.inject.Plugins;
import io.gan4j.core.media.MediaProvenance;
import io.gan4j.core.media.PngProvenance;
import io.gan4j.core.run.TrainedModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every generated file says it is generated, in a form standard tools read, and {@code gan inspect} shows it. */
final class MediaProvenanceTest {

    @TempDir
    Path tmp;

    @Test
    void generatedImagesAndFilesCarryTheirProvenance() throws Exception {
        Path run = tmp.resolve("run");
        assertThat(Cli.run("train", "dcgan", "--steps", "10", "--sample-every", "10", "--out", run.toString()).exitCode()).isZero();

        // Training grids: embedded in the PNG, read back by gan4j and by exiftool (XMP, IPTC digital source type).
        Path grid = run.resolve("samples/latest.png");
        MediaProvenance trained = PngProvenance.read(grid).orElseThrow();
        assertThat(trained.variant()).isEqualTo("dcgan");
        assertThat(trained.step()).isEqualTo(10);
        assertThat(trained.run()).startsWith("run@");
        Process exiftool = new ProcessBuilder("exiftool", "-s", "-XMP-iptcExt:DigitalSourceType", "-XMP-xmp:CreatorTool", "-PNG:gan4j",
                grid.toString()).redirectErrorStream(true).start();
        String tags = new String(exiftool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exiftool.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(tags).contains("DigitalSourceType               : http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia")
                .contains("CreatorTool                     : gan4j ").contains("\"weightsSha256\":\"" + trained.weightsSha256() + "\"");

        // gan sample: the PNG names the model's weights, by a hash anyone can recompute from the run.
        Path png = tmp.resolve("grid.png");
        assertThat(Cli.run("sample", "--run", run.toString(), "-n", "16", "--seed", "5", "--out", png.toString()).exitCode()).isZero();
        Cli inspect = Cli.run("inspect", png.toString());
        assertThat(inspect.exitCode()).isZero();
        try (TrainedModel model = TrainedModel.load(Plugins.discover(null), run)) {
            assertThat(inspect.out()).contains("generated media (IPTC digital source type trainedAlgorithmicMedia)")
                    .contains("weightsSha256      " + MediaProvenance.weightsSha256(model.generator().block()))
                    .contains("seed               5").contains("step               10");
        }

        // .npy samples: a manifest beside them with each file's SHA-256; a changed file no longer matches.
        Path npy = tmp.resolve("samples.npy");
        assertThat(Cli.run("sample", "--run", run.toString(), "-n", "8", "--out", npy.toString()).exitCode()).isZero();
        assertThat(tmp.resolve("samples.npy.provenance.json")).exists();
        assertThat(Cli.run("inspect", npy.toString()).out()).contains("matches its manifest");
        Files.write(npy, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        Cli changed = Cli.run("inspect", npy.toString());
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.out()).contains("no longer matches its manifest");

        // A picture gan4j did not generate (the loss chart) says so.
        Cli chart = Cli.run("inspect", run.resolve("loss.png").toString());
        assertThat(chart.exitCode()).isEqualTo(1);
        assertThat(chart.out()).contains("no gan4j provenance");
        assertThat(Cli.run("inspect", tmp.resolve("missing.png").toString()).exitCode()).isEqualTo(GanCommand.USER_ERROR);
    }
}
