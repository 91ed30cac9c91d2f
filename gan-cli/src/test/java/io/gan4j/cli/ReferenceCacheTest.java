package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.features.Distances;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.eval.report.Evaluation;
import io.gan4j.eval.report.EvaluationReport;
import io.gan4j.eval.report.ReferenceCache;
import io.gan4j.eval.samples.SampleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference cache on real MNIST with lenet-mnist: a second evaluation against the same reference
 * reads it (and gives the same numbers), and another count, other data, another subset or another
 * network each make a new entry, never a stale hit.
 */
final class ReferenceCacheTest {

    @TempDir
    Path tmp;

    private final PluginRegistry registry = Plugins.discover(null);

    @Test
    void aReferenceIsMeasuredOnceAndAnyChangeOfDataNetworkOrCountMeasuresAgain() throws Exception {
        ReferenceCache cache = ReferenceCache.at(tmp.resolve("cache"));
        Dataset mnist = registry.openDataset("mnist", 0);
        try (FeatureNetwork lenet = registry.createFeatureNetwork("lenet-mnist", Map.of(), mnist.sampleShape());
                FeatureNetwork pixels = registry.createFeatureNetwork("pixels", Map.of(), mnist.sampleShape())) {
            SampleSource real = SampleSource.of(mnist, 1000, 0);
            List<Integer> progress = new ArrayList<>();
            ReferenceCache.Reference first = cache.features(lenet, real, progress::add);
            assertThat(progress).containsExactly(500, 1000);  // extracted, in batches
            assertThat(entries()).hasSize(1);
            progress.clear();
            ReferenceCache.Reference again = cache.features(lenet, SampleSource.of(mnist, 1000, 0), progress::add);
            assertThat(progress).containsExactly(1000);        // read
            assertThat(again.entry()).isEqualTo(first.entry());
            assertThat(again.features().matrix().values()).containsExactly(first.features().matrix().values());
            assertThat(again.features().probabilities()).isDeepEqualTo(first.features().probabilities());

            // The k-NN radii are kept beside the features, and equal a fresh computation.
            double[][] radii = again.neighbourRadii(3, 5);
            assertThat(first.entry().resolve("radii-k3-5.npy")).isRegularFile();
            double[][] fresh = Distances.kthNeighbourDistances(first.features().matrix(), 3, 5);
            assertThat(radii[0]).containsExactly(fresh[0]);
            assertThat(radii[1]).containsExactly(fresh[1]);
            assertThat(cache.features(lenet, real, d -> { }).neighbourRadii(3, 5)[1]).containsExactly(fresh[1]);

            // Another count, another subset (seed), other data, another network: each a new entry.
            cache.features(lenet, SampleSource.of(mnist, 999, 0), d -> { });
            assertThat(entries()).hasSize(2);
            cache.features(lenet, SampleSource.of(mnist, 1000, 1), d -> { });
            assertThat(entries()).hasSize(3);
            cache.features(lenet, SampleSource.of(registry.openDataset("exclude:0@mnist", 0), 1000, 0), d -> { });
            assertThat(entries()).hasSize(4);
            cache.features(pixels, real, d -> { });
            assertThat(entries()).hasSize(5);

            // A damaged entry is measured again, not trusted.
            Files.write(first.entry().resolve("features.npy"), new byte[] {1, 2, 3});
            progress.clear();
            assertThat(cache.features(lenet, real, progress::add).features().matrix().values()).containsExactly(first.features().matrix().values());
            assertThat(progress).containsExactly(500, 1000);

            // Evaluations give the same numbers with the cache, without it, and from it.
            SampleSource fake = SampleSource.of(registry.openDataset("range:5000-7000@mnist", 0), 1000, 3);
            Set<String> metrics = Set.of("fid", "kid", "pr", "dc", "classes");
            EvaluationReport plain = Evaluation.run(lenet, real, fake, metrics, 0, ReferenceCache.none(), d -> { });
            EvaluationReport cold = Evaluation.run(lenet, real, fake, metrics, 0, ReferenceCache.at(tmp.resolve("other")), d -> { });
            EvaluationReport warm = Evaluation.run(lenet, real, fake, metrics, 0, ReferenceCache.at(tmp.resolve("other")), d -> { });
            assertThat(cold).usingRecursiveComparison().isEqualTo(plain);
            assertThat(warm).usingRecursiveComparison().isEqualTo(plain);
            assertThat(plain.metrics()).containsKeys("fid", "precision", "recall", "density", "coverage");
        }
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> dirs = Files.list(tmp.resolve("cache"))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("reference-")).toList();
        }
    }
}
