package io.gan4j.eval.monitor;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.event.TrainingListener;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.monitor.MonitorContext;
import io.gan4j.core.monitor.MonitorFactory;
import io.gan4j.core.plugin.GanPlugin;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import io.gan4j.eval.features.FeatureNetworks;
import java.util.List;
import java.util.Map;

/**
 * The built-in plugin of training monitors: {@code collapse-alarm} ({@link ModeCollapseAlarm}, on by default for
 * variants with a generator) and {@code fid} ({@link PeriodicEvaluation}, off by default).
 */
public final class StandardMonitors implements GanPlugin {

    /** The collapse alarm's name. */
    public static final String COLLAPSE_ALARM = "collapse-alarm";

    /** Periodic FID's name. */
    public static final String FID = "fid";

    /** The collapse alarm's default steps between checks. */
    public static final int ALARM_EVERY = 250;

    /** The collapse alarm's default diversity-ratio threshold. */
    public static final double ALARM_THRESHOLD = 0.5;

    /** Periodic FID's default samples per side. */
    public static final int FID_COUNT = 2000;

    @Override
    public List<MonitorFactory> monitors() {
        return List.of(new CollapseAlarmFactory(), new FidFactory());
    }

    private static final class CollapseAlarmFactory implements MonitorFactory {
        @Override
        public String name() {
            return COLLAPSE_ALARM;
        }

        @Override
        public String description() {
            return "warns when generated samples are much less diverse than real ones (mode collapse)";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.integer("every", ALARM_EVERY, 0, Integer.MAX_VALUE, "steps between checks (0: off)"),
                    OptionSpec.real("threshold", ALARM_THRESHOLD, 0, 10, "diversity ratio below which to warn"));
        }

        @Override
        public boolean appliesTo(GanVariant variant) {
            return variant.generator().isPresent();
        }

        @Override
        public boolean enabled(Map<String, String> options) {
            return !options.get("every").equals("0");
        }

        @Override
        public TrainingListener create(Options options, MonitorContext context) {
            return new ModeCollapseAlarm(context.trainer(), context.data(), options.getInt("every"), options.getDouble("threshold"),
                    context.messages());
        }
    }

    private static final class FidFactory implements MonitorFactory {
        @Override
        public String name() {
            return FID;
        }

        @Override
        public String description() {
            return "measures FID every N steps during training and keeps the best weights in best/";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.integer("every", 0, 0, Integer.MAX_VALUE, "steps between measurements (0: off)"),
                    OptionSpec.integer("count", FID_COUNT, 2, 1_000_000, "samples per side"),
                    OptionSpec.text("features", "", "feature network (default: lenet-mnist for 28x28 grey images, else pixels)"));
        }

        @Override
        public boolean appliesTo(GanVariant variant) {
            return variant.generator().isPresent();
        }

        @Override
        public Map<String, String> resolve(Map<String, String> given, Shape sampleShape) {
            Map<String, String> resolved = MonitorFactory.super.resolve(given, sampleShape);
            if (resolved.get("features").isEmpty()) {
                resolved.put("features", FeatureNetworks.defaultFor(sampleShape));
            }
            return resolved;
        }

        @Override
        public boolean enabled(Map<String, String> options) {
            return !options.get("every").equals("0");
        }

        @Override
        public TrainingListener create(Options options, MonitorContext context) {
            FeatureNetwork network = context.featureNetworks().apply(options.getString("features"));
            return new ClosingListener(new PeriodicEvaluation(context.trainer(), network, context.data(), options.getInt("every"),
                    options.getInt("count"), context.messages()), network);
        }
    }

    /** A listener that owns a resource, closed with it. */
    private record ClosingListener(TrainingListener listener, AutoCloseable resource) implements TrainingListener, AutoCloseable {
        @Override
        public void on(TrainingEvent event) {
            listener.on(event);
        }

        @Override
        public void close() throws Exception {
            resource.close();
        }
    }
}
