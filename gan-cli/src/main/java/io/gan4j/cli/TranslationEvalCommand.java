package io.gan4j.cli;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.io.Json;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.eval.features.FeatureNetworks;
import io.gan4j.eval.translation.TranslationEvaluation;
import io.gan4j.eval.translation.TranslationReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gan eval translation}: measures a trained translation run on test images of both domains. */
@Command(name = "translation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure a translation run (cyclegan, pix2pix) on test images of domains A and B.",
            "It reports cycle errors, FID in each target domain and, with a classifier as feature network and labelled",
            "data, class accuracy of translations;",
            "with --paired (B's image i is A's image i translated by the true mapping) also the error against the truth."})
final class TranslationEvalCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Translation run directory.")
    java.nio.file.Path run;

    @Option(names = "--a", required = true, paramLabel = "SPEC", description = "Test images of domain A, e.g. mnist.")
    String a;

    @Option(names = "--b", required = true, paramLabel = "SPEC", description = "Test images of domain B, e.g. restyle:thicken,invert@mnist.")
    String b;

    @Option(names = "--paired", description = "B's image i is the true translation of A's image i.")
    boolean paired;

    @Option(names = {"-n", "--count"}, defaultValue = "10000", description = "Test images per domain (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--features", paramLabel = "NAME",
            description = "Feature network (default: lenet-mnist for 28x28 grey images, else pixels); see 'gan list'.")
    String features;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = plugins.registry();
        Dataset testA = registry.openDataset(a, 0);
        Dataset testB = registry.openDataset(b, 0);
        try (TrainedModel model = TrainedModel.load(registry, run, java.util.OptionalLong.empty(), spec.commandLine().getErr()::println)) {
            Map<String, Block> translations = model.variant().translations();
            if (!translations.containsKey("AtoB")) {
                throw new IllegalArgumentException("run " + run + " (variant '" + model.record().spec().variant()
                        + "') does not translate images");
            }
            Shape shape = testA.sampleShape();
            String network = features != null ? features : FeatureNetworks.defaultFor(shape);
            try (FeatureNetwork net = registry.createFeatureNetwork(network, Map.of(), shape)) {
                TranslationReport report = TranslationEvaluation.of(translations, net)
                        .evaluate(testA, testB, paired, count);
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("run", run.toString());
                    out.put("step", model.step());
                    out.put("report", report);
                    spec.commandLine().getOut().println(Json.line(out));
                } else {
                    spec.commandLine().getOut().printf("run %s (step %d)%n%s", run, model.step(), report.format());
                }
                spec.commandLine().getOut().flush();
            }
        }
        return 0;
    }
}
