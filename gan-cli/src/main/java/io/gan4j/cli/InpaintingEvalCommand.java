package io.gan4j.cli;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.io.Json;
import io.gan4j.core.model.Inpainter;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.eval.features.FeatureNetworks;
import io.gan4j.eval.inpainting.InpaintingEvaluation;
import io.gan4j.eval.inpainting.InpaintingReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gan eval inpainting}: measures an inpainting run on test images against the mean-fill baseline. */
@Command(name = "inpainting", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure an inpainting run (context-encoder) on test images: L1, L2 and PSNR inside the filled region, FID and"
                + " classifier accuracy of the completed images, each next to the mean-fill baseline."})
final class InpaintingEvalCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Inpainting run directory.")
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = plugins.registry();
        Dataset test = registry.openDataset(data, 0);
        try (TrainedModel model = TrainedModel.load(registry, run, java.util.OptionalLong.empty(), spec.commandLine().getErr()::println)) {
            Inpainter inpainter = model.variant().inpainter().orElseThrow(() -> new IllegalArgumentException("run " + run + " (variant '"
                    + model.record().spec().variant() + "') does not inpaint images"));
            String network = features != null ? features : FeatureNetworks.defaultFor(test.sampleShape());
            try (FeatureNetwork net = registry.createFeatureNetwork(network, Map.of(), test.sampleShape())) {
                InpaintingReport report = new InpaintingEvaluation(inpainter, net).evaluate(test, count);
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
