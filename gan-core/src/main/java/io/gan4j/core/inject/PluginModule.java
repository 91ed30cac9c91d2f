package io.gan4j.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.gan4j.core.data.DatasetFactory;
import io.gan4j.core.eval.FeatureNetworkFactory;
import io.gan4j.core.loss.LossFactory;
import io.gan4j.core.loss.PenaltyFactory;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.monitor.MonitorFactory;
import io.gan4j.core.plugin.GanPlugin;
import io.gan4j.core.plugin.PluginRegistry;
import java.util.List;

/**
 * A {@code PluginModule} binds the factories of already-loaded plugins into one map per kind
 * (Guice {@link MapBinder}s keyed by name, which also reject duplicate names) and the {@link
 * PluginRegistry} that reads them. It does no I/O: plugins are loaded before, by {@link
 * io.gan4j.core.plugin.PluginLoader}.
 */
public final class PluginModule extends AbstractModule {

    private final List<GanPlugin> plugins;

    /** Creates the module for the given plugins. */
    public PluginModule(List<GanPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    @Override
    protected void configure() {
        MapBinder<String, GanVariantFactory> variants = MapBinder.newMapBinder(binder(), String.class, GanVariantFactory.class);
        MapBinder<String, LossFactory> losses = MapBinder.newMapBinder(binder(), String.class, LossFactory.class);
        MapBinder<String, PenaltyFactory> penalties = MapBinder.newMapBinder(binder(), String.class, PenaltyFactory.class);
        MapBinder<String, DatasetFactory> datasets = MapBinder.newMapBinder(binder(), String.class, DatasetFactory.class);
        MapBinder<String, FeatureNetworkFactory> features =
                MapBinder.newMapBinder(binder(), String.class, FeatureNetworkFactory.class);
        MapBinder<String, MonitorFactory> monitors = MapBinder.newMapBinder(binder(), String.class, MonitorFactory.class);
        // Which plugin provided each factory, by "kind:name", for the provenance run.json records.
        MapBinder<String, GanPlugin> origins = MapBinder.newMapBinder(binder(), String.class, GanPlugin.class);
        for (GanPlugin plugin : plugins) {
            plugin.variants().forEach(f -> variants.addBinding(f.name()).toInstance(f));
            plugin.losses().forEach(f -> losses.addBinding(f.name()).toInstance(f));
            plugin.penalties().forEach(f -> penalties.addBinding(f.name()).toInstance(f));
            plugin.datasets().forEach(f -> datasets.addBinding(f.name()).toInstance(f));
            plugin.featureNetworks().forEach(f -> features.addBinding(f.name()).toInstance(f));
            plugin.monitors().forEach(f -> monitors.addBinding(f.name()).toInstance(f));
            plugin.variants().forEach(f -> origins.addBinding("variant:" + f.name()).toInstance(plugin));
            plugin.losses().forEach(f -> origins.addBinding("loss:" + f.name()).toInstance(plugin));
            plugin.penalties().forEach(f -> origins.addBinding("penalty:" + f.name()).toInstance(plugin));
            plugin.datasets().forEach(f -> origins.addBinding("dataset:" + f.name()).toInstance(plugin));
            plugin.monitors().forEach(f -> origins.addBinding("monitor:" + f.name()).toInstance(plugin));
        }
        bind(PluginRegistry.class).asEagerSingleton();
    }
}
