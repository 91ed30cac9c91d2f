package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.io.Json;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.train.Noise;
import io.gan4j.eval.features.EvalPlugin;
import io.gan4j.eval.fid.FrechetDistance;
import io.gan4j.eval.fid.GaussianStatistics;
import io.gan4j.eval.report.Features;
import io.gan4j.eval.samples.SampleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation stack on real MNIST with the shipped lenet-mnist weights. */
final class EvaluationIntegrationTest {

    private static final Path SHARED = Path.of(System.getProperty("gan4j.shared.datasets", "../shared/datasets"));

    @TempDir
    Path tmp;

    private final PluginRegistry registry = Plugins.discover(null);

    @Test
    void shippedMnistClassifierReachesNinetyNinePercent() {
        Dataset test = registry.openDataset("mnist", 0);
        try (FeatureNetwork net = registry.createFeatureNetwork("lenet-mnist", Map.of(), test.sampleShape())) {
            Features f = Features.extract(net, SampleSource.of(test, test.size(), 0), done -> { });
            int[] predicted = f.predictedClasses();
            int[] order = io.gan4j.core.train.Seeds.permutation(test.size(), io.gan4j.core.train.Seeds.mix(0, io.gan4j.core.train.Seeds.DATA));
            int correct = 0;
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == test.label(order[i])) {
                    correct++;
                }
            }
            assertThat(correct / (double) test.size()).isGreaterThanOrEqualTo(0.99);
            assertThat(net.weightsHash()).hasSize(64);
        }
    }

    @Test
    void fidIsZeroOnItselfAndRisesMonotonicallyWithNoise() {
        Dataset mnist = registry.openDataset("mnist", 0);
        try (FeatureNetwork net = registry.createFeatureNetwork("lenet-mnist", Map.of(), mnist.sampleShape())) {
            SampleSource clean = SampleSource.of(mnist, 5000, 1);
            GaussianStatistics reference = GaussianStatistics.of(Features.extract(net, clean, d -> { }).matrix());
            // Zero up to float64 conditioning, relative to the traces it is computed from: Tr √(Σ1Σ2) takes square roots of
            // eigenvalues of a matrix similar to Σ², so eigenvalues near 0 (LeNet's dead ReLU units make Σ singular) turn
            // rounding of order ε‖Σ‖² into errors of order √(ε)‖Σ‖. Observed: a few 1e-9 of the traces; scipy's sqrtm is alike.
            double scale = 2 * org.ejml.dense.row.CommonOps_DDRM.trace(reference.covariance());
            assertThat(FrechetDistance.compute(reference, reference)).isCloseTo(0, within(1e-8 * scale));
            double previous = -1;
            StringBuilder curve = new StringBuilder();
            for (double sigma : new double[] {0.0, 0.1, 0.2, 0.4, 0.8}) {
                SampleSource noisy = noisy(SampleSource.of(mnist, 5000, 2), sigma);
                double fid = FrechetDistance.compute(reference, GaussianStatistics.of(Features.extract(net, noisy, d -> { }).matrix()));
                curve.append(String.format(" sigma=%.1f fid=%.3f", sigma, fid));
                assertThat(fid).as("FID at noise %s must exceed the previous level's", sigma).isGreaterThan(previous);
                previous = fid;
            }
            System.out.println("lenet-mnist FID against added Gaussian noise:" + curve);
        }
    }

    private static SampleSource noisy(SampleSource source, double sigma) {
        return new SampleSource() {
            @Override
            public String description() {
                return source.description() + " + N(0, " + sigma + ")";
            }

            @Override
            public int size() {
                return source.size();
            }

            @Override
            public Shape sampleShape() {
                return source.sampleShape();
            }

            @Override
            public NDArray batch(int start, int count, NDManager manager) {
                NDArray x = source.batch(start, count, manager);
                return x.add(Noise.normal(manager, x.getShape(), start).mul(sigma)).clip(-1, 1);
            }
        };
    }

    @Test
    void trainAndTestSplitsAreCloseInFid() {
        Path images = SHARED.resolve("mnist/train-images-idx3-ubyte.gz");
        assumeThat(Files.isRegularFile(images)).as("shared MNIST train split at " + images).isTrue();
        Dataset train = registry.openDataset("idx:" + images, 0);
        Dataset test = registry.openDataset("mnist", 0);
        try (FeatureNetwork net = registry.createFeatureNetwork("lenet-mnist", Map.of(), test.sampleShape())) {
            double fid = FrechetDistance.compute(
                    GaussianStatistics.of(Features.extract(net, SampleSource.of(train, 10_000, 0), d -> { }).matrix()),
                    GaussianStatistics.of(Features.extract(net, SampleSource.of(test, 10_000, 0), d -> { }).matrix()));
            System.out.printf("lenet-mnist FID, MNIST train 10k vs test 10k: %.4f%n", fid);
            assertThat(fid).isBetween(0.0, 2.0);
        }
    }

    @Test
    void evalCommandMeasuresARunAndPrintsJson() throws Exception {
        Path run = tmp.resolve("run");
        assertThat(Cli.run("train", "dcgan", "--steps", "30", "-o", "width=16", "--sample-every", "0", "--out", run.toString()).exitCode()).isZero();
        Cli eval = Cli.run("eval", "--run", run.toString(), "-n", "600", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> report = Json.MAPPER.readValue(eval.out(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> protocol = (Map<String, Object>) report.get("protocol");
        assertThat(protocol).containsEntry("featureNetwork", "lenet-mnist").containsEntry("nReal", 600).containsEntry("nGenerated", 600);
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) report.get("metrics");
        assertThat(metrics).containsKeys("fid", "kid", "precision", "recall", "density", "coverage", "classifier_score",
                "classes_covered", "class_kl", "class_ambiguous", "class_ambiguous_real");
        assertThat(((Number) metrics.get("fid")).doubleValue()).isPositive();

        Cli table = Cli.run("eval", "--samples", "mnist", "--reference", "mnist", "-n", "500", "--metrics", "fid,classes");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("fid", "classes_covered", "10");
        Matcher realAmbiguous = Pattern.compile("class_ambiguous_real\\s+(\\S+)").matcher(table.out());
        assertThat(realAmbiguous.find()).as(table.out()).isTrue();
        assertThat(Double.parseDouble(realAmbiguous.group(1))).isBetween(0.0, 0.04);
        Cli stacked = Cli.run("eval", "--samples", "stacked-mnist:1000", "--reference", "stacked-mnist:1000", "-n", "1000", "--seed", "3",
                "--metrics", "fid,ndb,birthday,stacked");
        assertThat(stacked.exitCode()).as(stacked.err()).isZero();
        assertThat(stacked.out()).contains("features:  pixels", "ndb_over_k", "birthday_support_estimate", "stacked_modes_covered",
                "stacked_channel_kl", "stacked_dependence", "stacked_digit_share", "stacked_sure_digit_share");
        // lenet-mnist is unsure (p < 0.9) of about 2 % of real digits.
        Matcher ambiguous = Pattern.compile("stacked_ambiguous\\s+(\\S+)").matcher(stacked.out());
        assertThat(ambiguous.find()).as(stacked.out()).isTrue();
        assertThat(Double.parseDouble(ambiguous.group(1))).isBetween(0.0, 0.04);
        // The digits can be read by other LeNet weights, e.g. a second seed's, to see how much the readings depend on them.
        Path copy = tmp.resolve("lenet-copy.npz");
        try (var in = EvalPlugin.class.getResourceAsStream(EvalPlugin.WEIGHTS + "lenet-mnist.npz")) {
            Files.copy(in, copy);
        }
        Cli same = Cli.run("eval", "--samples", "stacked-mnist:1000", "--reference", "stacked-mnist:1000", "-n", "1000", "--seed", "3",
                "--metrics", "fid,ndb,birthday,stacked", "--stacked-classifier", copy.toString());
        assertThat(same.out()).isEqualTo(stacked.out()).contains("stacked_classifier_sha256");
        Cli missing = Cli.run("eval", "--samples", "stacked-mnist:1000", "--metrics", "stacked", "--reference", "stacked-mnist",
                "--stacked-classifier", tmp.resolve("none.npz").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).doesNotContain("\n").startsWith("gan eval: error: cannot read classifier weights " + tmp.resolve("none.npz"));
        Cli toy = Cli.run("eval", "--samples", "ring8:2500", "--reference", "ring8:2500", "-n", "2500", "--seed", "4", "--metrics", "fid", "--json");
        assertThat(toy.exitCode()).as(toy.err()).isZero();
        // Within 3σ of a 2-D Gaussian lies 1 − e^(−4.5) = 0.989 of its mass.
        assertThat(toy.out()).contains("\"modes_covered\":\"8/8\"", "\"high_quality\":0.98");
        Cli bad = Cli.run("eval", "--samples", "mnist", "--reference", "mnist", "--metrics", "fid,bogus");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("gan eval: error: unknown metric 'bogus'; available: fid, kid, pr, dc, score, classes, ndb, birthday, stacked, conditional");
    }
}
