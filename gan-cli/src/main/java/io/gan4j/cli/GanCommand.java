package io.gan4j.cli;

import io.gan4j.core.config.BuildInfo;
import io.gan4j.core.engine.EngineChoice;
import io.gan4j.core.spi.Suggestions;
import io.gan4j.core.train.TrainingDivergedException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gan}: the command line of gan4j. User errors (bad arguments, missing or corrupt files,
 * unknown plugins) print one line and exit with status {@value #USER_ERROR}; bugs print a stack
 * trace and exit with 1.
 */
@Command(
        name = "gan",
        mixinStandardHelpOptions = true,
        versionProvider = GanCommand.Version.class,
        description = "Train, sample and benchmark Generative Adversarial Networks on the JVM.",
        subcommands = {ListCommand.class, TrainCommand.class, SampleCommand.class, TranslateCommand.class, InpaintCommand.class, UpscaleCommand.class, ClassifyCommand.class, DetectCommand.class, EvalCommand.class, AugmentCommand.class, InspectCommand.class, ReportCommand.class, SweepCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class GanCommand implements Runnable {

    /** Exit status of a user error. */
    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Tribuo logs every training run at INFO and every unreadable CSV row at WARNING through
     * java.util.logging; gan4j checks its inputs itself and reports them in one line, so only Tribuo's
     * errors are shown. Held so the level sticks.
     */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        TRIBUO_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given output streams.
     *
     * @return the exit status
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        EngineChoice.useDefaultUnlessChosen();
        CommandLine cli = new CommandLine(new GanCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            // An option setter's own validation message (e.g. --engine) is clearer than picocli's wrapper.
            String message = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage() : e.getMessage();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                message = unmatchedMessage(unmatched);
            }
            e.getCommandLine().getErr().println(qualified(e.getCommandLine()) + ": " + message
                    + " (see '" + qualified(e.getCommandLine()) + " --help')");
            return USER_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // I/O failures, invalid input and diverged training are the user's to fix; anything else is a
            // bug worth a stack trace.
            if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException || e instanceof TrainingDivergedException) {
                commandLine.getErr().println(qualified(commandLine) + ": error: " + e.getMessage());
                return USER_ERROR;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** Names the first unmatched argument and, for a mistyped command or option, what was probably meant. */
    private static String unmatchedMessage(CommandLine.UnmatchedArgumentException e) {
        String typed = e.getUnmatched().get(0);
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        boolean option = typed.startsWith("-");
        // An option typed with its value (--step=3) is matched by its name.
        String name = option && typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        java.util.List<String> candidates = option
                ? spec.options().stream().flatMap(o -> java.util.Arrays.stream(o.names())).toList()
                : new java.util.ArrayList<>(spec.subcommands().keySet());
        String kind = option ? "unknown option" : spec.subcommands().isEmpty() ? "unexpected argument" : "unknown command";
        return kind + " '" + typed + "'" + Suggestions.didYouMean(name, candidates);
    }

    private static String qualified(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName();
    }

    /** Reports the Maven version and the git commit gan4j was built from, and the engine versions it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gan4j " + BuildInfo.current(), "DJL " + ai.djl.engine.Engine.getDjlVersion() + ", Java "
                    + System.getProperty("java.version")};
        }
    }
}
