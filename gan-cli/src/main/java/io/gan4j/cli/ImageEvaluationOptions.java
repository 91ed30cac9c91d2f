package io.gan4j.cli;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.io.Json;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.eval.features.FeatureNetworks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options and the flow of the commands that measure what a run does to test images
 * ({@code gan eval inpainting}, {@code gan eval upscaling}): load the run, take the capability from
 * its variant or say it lacks it, evaluate with a feature network, print the report as text or JSON.
 */
final class ImageEvaluationOptions {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run directory (uses model/, else the newest checkpoint).")
    Path run;

    @Option(names = "--data", required = true, paramLabel = "SPEC", description = "Test images (labelled for the accuracies), e.g. idx:t10k-images-idx3-ubyte.gz,t10k-labels-idx1-ubyte.gz.")
    String data;

    @Option(names = {"-n", "--count"}, defaultValue = "10000", description = "Test images (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--features", paramLabel = "NAME",
            description = "Feature network (default: lenet-mnist for 28x28 grey images, else pixels); see 'gan list'.")
    String features;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Mixin
    RuntimeOptions plugins;

    /** Evaluates a capability of a trained variant on test images with a feature network. */
    interface Evaluation<C, R> {
        R evaluate(C capability, FeatureNetwork features, Dataset test, int count);
    }

    /**
     * Runs the evaluation and prints its report.
     *
     * @param cli the command, for its output and error streams
     * @param lacking what a run without the capability does not do, e.g. "inpaint images"
     * @param capability the capability of a variant
     * @param evaluation measures the capability
     * @param format the report as text
     */
    <C, R> void run(CommandLine cli, String lacking, Function<GanVariant, Optional<C>> capability, Evaluation<C, R> evaluation,
            Function<R, String> format) {
        PluginRegistry registry = plugins.registry();
        Dataset test = registry.openDataset(data, 0);
        try (TrainedModel model = TrainedModel.load(registry, run, OptionalLong.empty(), cli.getErr()::println)) {
            C found = capability.apply(model.variant()).orElseThrow(() -> new IllegalArgumentException("run " + run + " (variant '"
                    + model.record().spec().variant() + "') does not " + lacking));
            String network = features != null ? features : FeatureNetworks.defaultFor(test.sampleShape());
            try (FeatureNetwork net = registry.createFeatureNetwork(network, Map.of(), test.sampleShape())) {
                R report = evaluation.evaluate(found, net, test, count);
                PrintWriter out = cli.getOut();
                if (json) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("run", run.toString());
                    line.put("step", model.step());
                    line.put("report", report);
                    out.println(Json.line(line));
                } else {
                    out.printf("run %s (step %d)%n%s", run, model.step(), format.apply(report));
                }
                out.flush();
            }
        }
    }
}
