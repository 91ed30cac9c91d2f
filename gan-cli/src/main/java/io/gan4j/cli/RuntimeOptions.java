package io.gan4j.cli;

import io.gan4j.core.engine.DeviceChoice;
import io.gan4j.core.engine.EngineChoice;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.plugin.PluginLoader;
import io.gan4j.core.plugin.PluginRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options shared by commands that run models: {@code --plugins DIR}, {@code --engine NAME} and {@code --device NAME}. */
final class RuntimeOptions {

    /** Selects the engine while the command line is parsed, before the command creates any array. */
    @Option(names = "--engine", paramLabel = "NAME",
            description = "Engine: mxnet (default) or pytorch (needed for gradient penalties).")
    void engine(String name) {
        EngineChoice.use(name);
        engine = name;
    }

    /** The engine given with --engine, or null. */
    String engine;

    @Option(names = "--device", paramLabel = "NAME",
            description = "Device: cpu, gpu or gpu:N (default: the engine's, the first GPU when it sees one).")
    String device;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Directory of extra plugin jars (default: $" + PluginLoader.PLUGINS_ENV + " when set).")
    Path directory;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Returns the registry of the built-in plugins plus those in the plugin directory; long work while
     * opening datasets shows its progress on the command's error stream.
     */
    PluginRegistry registry() {
        if (device != null) {
            DeviceChoice.use(device);  // after --engine, whatever the order on the command line
        }
        Path dir = directory;
        if (dir == null && System.getenv(PluginLoader.PLUGINS_ENV) != null && !System.getenv(PluginLoader.PLUGINS_ENV).isBlank()) {
            dir = Path.of(System.getenv(PluginLoader.PLUGINS_ENV));
        }
        return Plugins.discover(dir).withProgress(new ConsoleProgress(command.commandLine().getErr(), System.console() != null));
    }
}
