package io.gan4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gan eval}: metrics of generated samples, and the classifiers behind the feature networks. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate generative models.",
        subcommands = {TrainClassifierCommand.class})
final class EvalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
