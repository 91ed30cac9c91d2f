package io.gan4j.cli;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.io.Json;
import io.gan4j.core.model.SampleClassifier;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.eval.classifier.ClassificationAccuracy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gan classify}: the accuracy of a run that classifies samples (infogan's categorical code) on labelled data. */
@Command(name = "classify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure how a run that learnt to classify (infogan: its categorical code; sgan: its discriminator) labels test samples.",
            "Classes found without labels are matched one-to-one to the labels first (unsupervised accuracy)."})
final class ClassifyCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run directory (uses model/, else the newest checkpoint).")
    Path run;

    @Option(names = "--data", required = true, paramLabel = "SPEC", description = "Labelled test samples, e.g. idx:t10k-images-idx3-ubyte.gz,t10k-labels-idx1-ubyte.gz.")
    String data;

    @Option(names = {"-n", "--count"}, defaultValue = "10000", description = "Test samples, the first ones (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--json", description = "Print the result as JSON.")
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
            SampleClassifier classifier = model.variant().classifier().orElseThrow(() -> new IllegalArgumentException("run " + run
                    + " (variant '" + model.record().spec().variant() + "') does not classify samples"));
            ClassificationAccuracy result = ClassificationAccuracy.measure(classifier, test, count);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("run", run.toString());
                line.put("step", model.step());
                line.put("result", result);
                out.println(Json.line(line));
            } else {
                out.printf("run %s (step %d): accuracy %.4f on %d samples of %s%n", run, model.step(), result.accuracy(), result.count(),
                        test.description());
                if (result.matched()) {
                    out.printf("classes matched one-to-one to labels (class -> label): %s%n", Arrays.toString(result.labelOfClass()));
                }
            }
            out.flush();
        }
        return 0;
    }
}
