package io.gan4j.cli;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.eval.classifier.ClassifierTraining;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gan eval train-classifier}: trains the LeNet behind a {@code lenet-*} feature network. */
@Command(name = "train-classifier", mixinStandardHelpOptions = true,
        description = {"Train the LeNet classifier used as a feature network (seeded, reproducible) and report test accuracy.",
            "The shipped weights were made with this command; see docs/evaluation.md."})
final class TrainClassifierCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "SPEC", description = "Labelled training images, e.g. idx:train-images.gz,train-labels.gz")
    String train;

    @Option(names = "--test", required = true, paramLabel = "SPEC", description = "Labelled test images.")
    String test;

    @Option(names = "--epochs", defaultValue = "3", description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Weights file to write (.npz).")
    Path out;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (epochs <= 0 || batch <= 0) {
            throw new IllegalArgumentException("--epochs and --batch must be > 0");
        }
        PluginRegistry registry = plugins.registry();
        Dataset trainSet = registry.openDataset(train, seed);
        Dataset testSet = registry.openDataset(test, seed);
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        ClassifierTraining.Result result = ClassifierTraining.train(trainSet, testSet, epochs, batch, seed, out,
                epoch -> {
                    err.printf("epoch %d/%d done (%.0f s)%n", epoch, epochs, (System.nanoTime() - t0) / 1e9);
                    err.flush();
                });
        spec.commandLine().getOut().printf("test_accuracy=%.4f steps=%d epochs=%d seed=%d out=%s%n",
                result.testAccuracy(), result.steps(), epochs, seed, out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
