package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.examples.LibraryExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** The examples docs/library.md and docs/plugins.md show (DocsSnippetsTest keeps the pages equal to them) run and do what the pages say. */
final class DocsExamplesTest {

    private static final Path SHARED = Path.of(System.getProperty("gan4j.shared.datasets", "../shared/datasets"));

    @TempDir
    Path tmp;

    @Test
    void theLibraryExamplesRun() throws Exception {
        String spec = LibraryExamples.listen(tmp.resolve("listen"));
        assertThat(spec).contains("hinge");
        assertThat(tmp.resolve("listen/model")).isDirectory();

        MutableDataset<Label> augmented = LibraryExamples.tribuo(SHARED.resolve("tabular/wdbc.csv"), tmp.resolve("tribuo"));
        assertThat(augmented.size()).isEqualTo(569 + 50);
        assertThat(augmented.getData().get(568).getMetadata()).doesNotContainKey("origin");
        assertThat(augmented.getData().get(569).getMetadata()).containsEntry("origin", "generated");

        var summary = LibraryExamples.sweep(tmp.resolve("sweep"));
        assertThat(summary.points()).hasSize(4);
        assertThat(summary.groups()).hasSize(2).allSatisfy(g -> assertThat(g.values()).containsKey("fid"));
        assertThat(tmp.resolve("sweep/report/index.html")).isRegularFile();
        assertThat(tmp.resolve("sweep/ns-vs-hinge/index.html")).content().contains("loss=hinge,seed=0").doesNotContain("seed=1");

        double mmd = LibraryExamples.alone(SHARED.resolve("mnist/t10k-images-idx3-ubyte.gz"), SHARED.resolve("mnist/t10k-labels-idx1-ubyte.gz"));
        assertThat(mmd).isBetween(-0.05, 0.05);  // two samples of one distribution
    }

    @Test
    void thePluginExamplesWorkAsAnOutOfTreeJar() throws Exception {
        Path jars = PluginJars.build("docs-plugin", "org.example.plugins.ExamplePlugin", tmp);
        String plugins = jars.toString();
        Cli list = Cli.run("list", "--plugins", plugins);
        assertThat(list.out()).contains("mlp ", "tiny-autoencoder", "softplus-hinge", "spiral:[N]", "random-projection");

        Path run = tmp.resolve("spiral-run");
        Cli train = Cli.run("train", "mlp", "--plugins", plugins, "--data", "spiral:1000", "--loss", "softplus-hinge",
                "--loss-option", "margin=0.5", "--steps", "200", "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(Files.readString(run.resolve("run.json"))).contains("\"margin\" : \"0.5\"", "\"data\" : \"spiral:1000\"");

        Cli eval = Cli.run("eval", "--plugins", plugins, "--run", run.toString(), "--features", "random-projection",
                "-F", "dimension=2", "-n", "500", "--metrics", "fid,pr", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("\"fid\"", "random-projection");

        Cli autoencoder = Cli.run("train", "tiny-autoencoder", "--plugins", plugins, "--data", "spiral", "--steps", "20",
                "--out", tmp.resolve("ae").toString());
        assertThat(autoencoder.exitCode()).as(autoencoder.err()).isZero();
        assertThat(Files.readString(tmp.resolve("ae/metrics.jsonl"))).contains("\"reconstruction\"");
        Cli counts = Cli.run("train", "tiny-autoencoder", "--plugins", plugins, "--data", "spiral", "--d-steps", "2",
                "--out", tmp.resolve("refused").toString());
        assertThat(counts.exitCode()).isEqualTo(GanCommand.USER_ERROR);

        Cli badSpec = Cli.run("train", "mlp", "--plugins", plugins, "--data", "spiral:many", "--out", tmp.resolve("bad").toString());
        assertThat(badSpec.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(badSpec.err().strip()).isEqualTo("gan train: error: spiral:N expects a number of points, got 'many'");
    }
}
