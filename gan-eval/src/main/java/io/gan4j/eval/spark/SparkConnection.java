package io.gan4j.eval.spark;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A {@code SparkConnection} is the Spark context gan4j's jobs run on: one this class starts for a
 * master URL ({@code local[N]} in this JVM, or {@code spark://host:port}), or the one already running
 * (under {@code spark-submit}, whose master and settings it keeps). Closing it stops the context only
 * when this class started it.
 *
 * <p>Spark on Java 17 needs its JVM started with {@code --add-opens} options ({@link #JVM_OPTIONS});
 * the {@code gan} launcher and {@code spark-submit} pass them, other programs must (see docs/scale.md).
 */
public final class SparkConnection implements AutoCloseable {

    /** The JVM options Spark needs on Java 17 ({@code spark-submit} adds the same ones). */
    public static final List<String> JVM_OPTIONS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

    private static final Pattern MASTER = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[0-9]+)?\\])?|(spark|k8s)://.+|yarn");

    private final JavaSparkContext context;
    private final boolean owned;

    private SparkConnection(JavaSparkContext context, boolean owned) {
        this.context = context;
        this.owned = owned;
    }

    /**
     * Connects to {@code master}: starts a context for it, or joins the running one when it has the same
     * master; with a null master, joins the running context (under {@code spark-submit}) or fails.
     *
     * @param master {@code local}, {@code local[N]}, {@code local[*]}, {@code spark://…}, {@code k8s://…},
     *     {@code yarn}, or null
     * @param appName the application's name in Spark's UI and logs
     * @throws IllegalArgumentException when the master is malformed, another master's context runs, or
     *     the JVM lacks the options Spark needs
     */
    public static SparkConnection open(String master, String appName) {
        Objects.requireNonNull(appName, "appName is null");
        if (master != null && !MASTER.matcher(master).matches()) {
            throw new IllegalArgumentException("--master '" + master + "' is not a Spark master; expected local, local[N], local[*], "
                    + "spark://HOST:PORT, k8s://URL or yarn");
        }
        checkJvmOptions();
        scala.Option<SparkContext> active = org.apache.spark.SparkContext$.MODULE$.getActive();
        SparkContext running = active.isDefined() ? active.get() : null;
        if (running != null) {
            if (master != null && !master.equals(running.master())) {
                throw new IllegalArgumentException("--master " + master + ": this JVM already runs Spark with master " + running.master());
            }
            return new SparkConnection(JavaSparkContext.fromSparkContext(running), false);
        }
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master == null && !conf.contains("spark.master")) {
            throw new IllegalArgumentException("no Spark master: give one (e.g. local[2]) or submit with spark-submit --master");
        }
        if (master != null) {
            conf.setMaster(master);
        }
        if (conf.get("spark.master").startsWith("local")) {
            // A local run needs no web UI and must not depend on the host's name resolving.
            conf.setIfMissing("spark.ui.enabled", "false").setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return new SparkConnection(new JavaSparkContext(conf), true);
    }

    /** Returns the context. */
    public JavaSparkContext context() {
        return context;
    }

    /** Returns the master URL. */
    public String master() {
        return context.master();
    }

    /** Returns the number of task slots Spark reports ({@code N} of {@code local[N]}, the cluster's cores). */
    public int parallelism() {
        return context.defaultParallelism();
    }

    /** Stops the context when this connection started it. */
    @Override
    public void close() {
        if (owned) {
            context.stop();
        }
    }

    /** Spark fails deep inside its start with an {@code IllegalAccessError} without these; say so first. */
    private static void checkJvmOptions() {
        Module unnamed = SparkConnection.class.getClassLoader().getUnnamedModule();
        if (!Object.class.getModule().isOpen("sun.nio.ch", unnamed)) {
            throw new IllegalArgumentException("Spark needs this JVM started with " + String.join(" ", JVM_OPTIONS)
                    + " (the gan launcher and spark-submit pass them; see docs/scale.md)");
        }
    }
}
