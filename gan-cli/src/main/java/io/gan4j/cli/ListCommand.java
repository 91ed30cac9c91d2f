package io.gan4j.cli;

import io.gan4j.core.data.DatasetFactory;
import io.gan4j.core.engine.EngineCapability;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.PluginFactory;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.eval.report.MetricCatalog;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gan list}: every plugin by kind, with its options. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the variants, losses, penalties, monitors, feature networks, datasets and metrics, with their options.")
final class ListCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = plugins.registry();
        PrintWriter out = spec.commandLine().getOut();
        section(out, "variants (gan train VARIANT, options with -o NAME=VALUE)", registry.variants());
        section(out, "losses (--loss NAME, options with --loss-option NAME=VALUE)", registry.losses());
        section(out, "penalties (--penalty NAME, options with --penalty-option NAME=VALUE)", registry.penalties());
        section(out, "training monitors (gan train --monitor-option NAME.OPTION=VALUE, or monitors: in a config)", registry.monitors());
        section(out, "feature networks (gan eval --features NAME, options with -F NAME=VALUE)", registry.featureNetworks());
        out.println("datasets (--data NAME[:ARGUMENT])");
        for (DatasetFactory f : registry.datasets().values()) {
            String usage = f.argumentHint().isEmpty() ? f.name() : f.name() + ":" + f.argumentHint();
            out.printf("  %-26s %s%n", usage, f.description());
        }
        out.println();
        out.println("metrics (gan eval --metrics NAME,...; toy-mixture diagnostics join automatically for ring8/grid25)");
        MetricCatalog.DESCRIPTIONS.forEach((name, description) -> out.printf("  %-26s %s%n", name, description));
        out.flush();
        return 0;
    }

    private static void section(PrintWriter out, String title, Map<String, ? extends PluginFactory> factories) {
        out.println(title);
        for (PluginFactory f : factories.values()) {
            out.printf("  %-26s %s%n", f.name(), f.description());
            if (!f.requires().isEmpty()) {
                out.printf("      %-22s %s%n", "(engine needs)", f.requires().stream().map(EngineCapability::description).sorted()
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
            for (OptionSpec o : f.options()) {
                out.printf("      %-22s %s (default %s; %s)%n", o.name(), o.description(), o.defaultValue(), o.valueHint());
            }
        }
        out.println();
    }
}
