package io.gan4j.examples;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.image.ImageGrid;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.RunBuilder;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.core.train.Sampling;
import io.gan4j.eval.report.Evaluation;
import io.gan4j.eval.samples.SampleSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Trains DCGAN on the embedded digits, extends the run, writes a sample grid and prints the FID. */
public final class QuickStart {

    public static void main(String[] args) {
        System.out.println(run(Path.of(args[0])));
    }

    public static double run(Path dir) {
        PluginRegistry plugins = Plugins.discover(null);               // ServiceLoader + Guice
        RunBuilder.create(plugins).setVariant("dcgan").optSteps(20).optSampleEvery(10).setOutput(dir).build().train();
        RunBuilder.resume(plugins, dir).optSteps(30).build().train();  // extend the budget; changed settings are refused
        try (TrainedModel model = TrainedModel.load(plugins, dir)) {
            ImageGrid.writePng(Sampling.generate(model.generator(), 64, 7, model.manager()), 8, 2, dir.resolve("grid.png"));
            Dataset real = plugins.openDataset("mnist", 0);
            try (FeatureNetwork lenet = plugins.createFeatureNetwork("lenet-mnist", Map.of(), real.sampleShape())) {
                return (Double) Evaluation.run(lenet, SampleSource.of(real, 500, 0), SampleSource.of(model.generator(), "dcgan", 500, 0),
                        Set.of("fid"), 0, done -> { }).metrics().get("fid");
            }
        }
    }
}
