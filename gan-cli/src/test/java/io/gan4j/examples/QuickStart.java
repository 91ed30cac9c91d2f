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

/**
 * The library quick start of the README, compiled and run by the tests ({@code LibraryRunTest}): train
 * DCGAN on the embedded digits, extend the run, draw a sample grid and measure FID. Run it with the run
 * directory as its argument; it prints the FID.
 */
public final class QuickStart {

    private QuickStart() {}

    /** Trains into {@code dir} (20 steps, then extended to 30), writes {@code dir/grid.png} and returns FID over 500 samples. */
    public static double run(Path dir) {
        PluginRegistry plugins = Plugins.discover(null);
        RunBuilder.create(plugins).setVariant("dcgan").optSteps(20).optSampleEvery(10).setOutput(dir).build().train();
        RunBuilder.resume(plugins, dir).optSteps(30).build().train();
        try (TrainedModel model = TrainedModel.load(plugins, dir)) {
            ImageGrid.writePng(Sampling.generate(model.generator(), 64, 7, model.manager()), 8, 2, dir.resolve("grid.png"));
            Dataset real = plugins.openDataset("mnist", 0);
            try (FeatureNetwork lenet = plugins.createFeatureNetwork("lenet-mnist", Map.of(), real.sampleShape())) {
                return (Double) Evaluation.run(lenet, SampleSource.of(real, 500, 0), SampleSource.of(model.generator(), "dcgan", 500, 0),
                        Set.of("fid"), 0, done -> { }).metrics().get("fid");
            }
        }
    }

    /** Prints the FID of {@link #run} into the directory given as the only argument. */
    public static void main(String[] args) {
        System.out.println(run(Path.of(args[0])));
    }
}
