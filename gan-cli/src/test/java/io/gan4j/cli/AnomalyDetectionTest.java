package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-class protocol on the embedded MNIST digits (train on 8,000 without the anomaly digit, test
 * on 2,000 others) at a small budget, and {@code gan detect} on a trained detector.
 */
final class AnomalyDetectionTest {

    private static final String TRAIN = "range:0-8000@mnist";
    private static final String TEST = "range:8000-10000@mnist";

    @TempDir
    Path tmp;

    @Test
    void aSeededSmallBudgetProtocolRanksAnEasyHeldOutDigitAsAnomalous() throws Exception {
        Path out = tmp.resolve("protocol");
        Cli protocol = Cli.run("eval", "anomaly", "--train", TRAIN, "--test", TEST, "--class", "0", "--seeds", "0", "--steps", "150",
                "-o", "width=16", "--out", out.toString());
        assertThat(protocol.exitCode()).as(protocol.err()).isZero();
        System.out.print(protocol.out());
        // One line per detector: "class 0, ganomaly, seed 0: AUROC 0.8123, AUPRC 0.4012".
        for (String detector : List.of("ganomaly", "fanogan", "autoencoder", "pca")) {
            String line = protocol.err().lines().filter(l -> l.startsWith("class 0, " + detector + ",")).findFirst().orElseThrow();
            double auroc = Double.parseDouble(line.replaceAll(".*AUROC ([0-9.]+),.*", "$1"));
            assertThat(auroc).as(line).isGreaterThan(List.of("ganomaly", "fanogan").contains(detector) ? 0.6 : 0.5);
        }
        assertThat(protocol.out()).contains("| class | ganomaly | fanogan | autoencoder | pca |");
        assertThat(out.resolve("anomaly-results.json")).isRegularFile();
        assertThat(out.resolve("class-0/ganomaly-seed-0/model/networks.npz")).isRegularFile();
    }

    @Test
    void detectFlagsScoresAboveAThresholdFittedOnValidationDataAndExitsWithOne() throws Exception {
        Path run = tmp.resolve("ae");
        Cli train = Cli.run("train", "autoencoder", "--data", "exclude:0@" + TRAIN, "--steps", "60", "-o", "width=8", "--sample-every", "0",
                "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        Path out = tmp.resolve("detect");
        Cli detect = Cli.run("detect", "--run", run.toString(), "--input", TEST, "--validation", "exclude:0@range:7000-8000@mnist",
                "--fpr", "0.1", "--out", out.toString());
        assertThat(detect.exitCode()).as(detect.err()).isEqualTo(1);
        assertThat(detect.out()).containsPattern("\\d+ of 2000 inputs flagged").contains("at false-positive rate 0.1");
        List<String> rows = Files.readAllLines(out.resolve("scores.csv"));
        assertThat(rows).hasSize(2001).first().isEqualTo("id,score,flag");
        assertThat(out.resolve("histogram.png")).isRegularFile();
        assertThat(out.resolve("scores.json")).isRegularFile();

        // Into the run (RUN/detect), where the run's report shows the scores, the threshold and the ROC.
        Cli intoRun = Cli.run("detect", "--run", run.toString(), "--input", TEST, "--validation", "exclude:0@range:7000-8000@mnist",
                "--fpr", "0.1");
        String flagged = intoRun.out().substring(0, intoRun.out().indexOf(" of 2000"));
        Cli report = Cli.run("report", run.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(run.resolve("report/index.html")).content()
                .contains("<h3>Anomaly scores (gan detect)</h3>")
                .contains("<div>" + flagged + " of 2000 inputs (")
                .contains("ROC: inputs against the normal validation data")
                .contains("<title>threshold: ");

        Cli nothing = Cli.run("detect", "--run", run.toString(), "--input", TEST, "--threshold", "1e9", "--out", out.toString());
        assertThat(nothing.exitCode()).as(nothing.err()).isZero();
        assertThat(nothing.out()).contains("0 of 2000 inputs flagged");

        Cli notADetector = Cli.run("detect", "--run", tmp.resolve("none").toString(), "--input", TEST);
        assertThat(notADetector.exitCode()).isEqualTo(2);
        assertThat(notADetector.err()).contains("not a run directory");
        Cli wrongShape = Cli.run("detect", "--run", run.toString(), "--input", "ring8:100", "--threshold", "1");
        assertThat(wrongShape.exitCode()).isEqualTo(2);
        assertThat(wrongShape.err()).contains("has samples (2), the detector was trained on (1, 28, 28)");
    }

    @Test
    void detectorsThatUpdateEachNetworkOncePerStepRefuseUpdateCountsBeforeWritingTheRun() throws Exception {
        Path refused = tmp.resolve("g2");
        Cli g2 = Cli.run("train", "ganomaly", "--data", TRAIN, "--g-steps", "2", "--out", refused.toString());
        assertThat(g2.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(g2.err().strip()).doesNotContain("\n")
                .endsWith("ganomaly updates each network once per step, so it takes no --d-steps or --g-steps (asked for 1 and 2)");
        assertThat(refused.resolve("run.json")).doesNotExist();

        // WGAN's default of 5 critic updates per step does not apply to a variant that takes no update counts.
        Path wgan = tmp.resolve("wgan");
        Cli train = Cli.run("train", "ganomaly", "--data", TRAIN, "--loss", "wgan", "--steps", "2", "-o", "width=8", "--sample-every", "0",
                "--alarm-every", "0", "--out", wgan.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(Files.readString(wgan.resolve("run.json"))).contains("\"discriminatorSteps\" : 1");
    }

    @Test
    void fAnoGanTrainsOnlyItsEncoderOnATrainedDcganRun() throws Exception {
        Path gan = tmp.resolve("dcgan");
        Cli dcgan = Cli.run("train", "dcgan", "--data", "exclude:0@" + TRAIN, "--steps", "40", "-o", "width=8", "-o", "latent=16",
                "--sample-every", "0", "--out", gan.toString());
        assertThat(dcgan.exitCode()).as(dcgan.err()).isZero();
        Path run = tmp.resolve("fanogan");
        Cli fanogan = Cli.run("train", "fanogan", "--data", "exclude:0@" + TRAIN, "--steps", "30", "-o", "width=8", "-o", "latent=16",
                "-o", "gan-steps=0", "--init-from", gan.toString(), "--sample-every", "0", "--out", run.toString());
        assertThat(fanogan.exitCode()).as(fanogan.err()).isZero();
        assertThat(fanogan.out()).contains("e_loss").doesNotContain("d_loss");

        // G and D are the dcgan run's, untouched by 30 encoder steps; the encoder is new.
        Map<String, float[]> source = NpzFiles.read(gan.resolve("model/networks.npz"));
        Map<String, float[]> detector = NpzFiles.read(run.resolve("model/networks.npz"));
        assertThat(source.keySet()).allMatch(detector::containsKey);
        source.forEach((name, values) -> assertThat(detector.get(name)).as(name).containsExactly(values));
        assertThat(detector.keySet()).anyMatch(name -> name.startsWith("encoder/"));
        assertThat(Files.readString(run.resolve("run.json"))).contains("\"initFrom\" : \"" + gan);

        Cli detect = Cli.run("detect", "--run", run.toString(), "--input", TEST, "--threshold", "1e9", "--out", tmp.resolve("d").toString());
        assertThat(detect.exitCode()).as(detect.err()).isZero();

        Cli otherWidth = Cli.run("train", "fanogan", "--data", "exclude:0@" + TRAIN, "--steps", "5", "-o", "width=16", "-o", "latent=16",
                "-o", "gan-steps=0", "--init-from", gan.toString(), "--out", tmp.resolve("w").toString());
        assertThat(otherWidth.exitCode()).isEqualTo(2);
        assertThat(otherWidth.err()).contains("has shape").contains("the network expects").doesNotContain("\tat ");
        Cli notARun = Cli.run("train", "fanogan", "--data", TRAIN, "--steps", "5", "--init-from", tmp.resolve("none").toString(),
                "--out", tmp.resolve("x").toString());
        assertThat(notARun.exitCode()).isEqualTo(2);
        assertThat(notARun.err()).contains("--init-from").contains("is not a run directory");
    }
}
