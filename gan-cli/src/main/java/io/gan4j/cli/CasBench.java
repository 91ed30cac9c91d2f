package io.gan4j.cli;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.eval.cas.ClassificationAccuracyScore;
import io.gan4j.eval.samples.SampleSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gan bench cas}: Classification Accuracy Score of a conditional run — a Tribuo logistic
 * regression trained on N generated samples (balanced classes) and on N real training samples,
 * both tested on the real test data.
 */
@Command(name = "cas", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Classification Accuracy Score: a Tribuo classifier trained on generated vs real samples, tested on real test data.")
final class CasBench implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Conditional run to sample.")
    Path run;

    @Option(names = "--train", paramLabel = "SPEC", description = "Real training data for the reference classifier (default: the run's data).")
    String train;

    @Option(names = "--test", required = true, paramLabel = "SPEC", description = "Real test data, e.g. idx:t10k-images...,t10k-labels...")
    String test;

    @Option(names = {"-n", "--count"}, defaultValue = "10000", description = "Training samples per side (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--epochs", defaultValue = "10", description = "Logistic-regression epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of noise, subsets and classifier (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = plugins.registry();
        try (TrainedModel model = TrainedModel.load(registry, run, java.util.OptionalLong.empty(), spec.commandLine().getErr()::println)) {
            if (model.generator().numClasses() == 0) {
                throw new IllegalArgumentException("run " + run + " is unconditional; CAS needs a conditional run (cgan, acgan)");
            }
            Dataset realTrain = registry.openDataset(train != null ? train : model.record().spec().data(), seed);
            Dataset realTest = registry.openDataset(test, seed);
            SampleSource testSource = SampleSource.of(realTest, realTest.size(), seed);
            ClassificationAccuracyScore.Result onReal = ClassificationAccuracyScore.evaluate(
                    SampleSource.of(realTrain, count, seed), testSource, epochs, seed);
            ClassificationAccuracyScore.Result onGenerated = ClassificationAccuracyScore.evaluate(
                    SampleSource.of(model.generator(), "run " + run, count, seed), testSource, epochs, seed);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("| classifier trained on | accuracy on real test | balanced accuracy |%n|---|---|---|%n");
            out.printf("| %d real training samples | %.4f | %.4f |%n", onReal.trainCount(), onReal.accuracy(), onReal.balancedAccuracy());
            out.printf("| %d generated samples (CAS) | %.4f | %.4f |%n", onGenerated.trainCount(), onGenerated.accuracy(),
                    onGenerated.balancedAccuracy());
            out.printf("%nCAS / real-data accuracy = %.3f; test: %s (%d samples); classifier: Tribuo logistic regression, %d epochs, seed %d%n",
                    onGenerated.accuracy() / onReal.accuracy(), realTest.description(), onReal.testCount(), epochs, seed);
            out.flush();
        }
        return 0;
    }
}
