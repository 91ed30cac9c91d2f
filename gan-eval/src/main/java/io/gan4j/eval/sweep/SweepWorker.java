package io.gan4j.eval.sweep;

import io.gan4j.core.engine.DeviceChoice;
import io.gan4j.core.engine.EngineChoice;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.io.Json;
import io.gan4j.core.run.StopOnShutdown;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The worker process of a parallel sweep: runs one point of the sweep recorded in {@code OUT/sweep.json}.
 * Arguments: {@code OUT ID [PLUGIN_DIR]}. Exit code 0 when the point finished, 2 when its settings are
 * invalid, 3 when it was stopped (the sweep process ended or asked it to stop, SIGTERM), 1 on any other
 * failure. A stopped point saved a checkpoint at its current step.
 */
public final class SweepWorker {

    /** The exit code of a worker whose point was stopped (its checkpoint saved), not failed. */
    public static final int STOPPED = 3;

    /** System properties that carry this JVM's engine and device choices to its workers. */
    private static final List<String> CHOICES = List.of(EngineChoice.PROPERTY, DeviceChoice.PROPERTY);

    private SweepWorker() {}

    /**
     * Returns the threads a worker gets when {@code concurrent} points run at a time on this machine: its
     * cores ({@code OMP_NUM_THREADS}, else the processors) divided by them, at least 1 — oversubscribed
     * OpenMP threads spin rather than share.
     */
    public static int threadsFor(int concurrent) {
        int cores = Runtime.getRuntime().availableProcessors();
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp != null && omp.matches("[1-9][0-9]*")) {
            cores = Integer.parseInt(omp);
        }
        return Math.max(1, cores / concurrent);
    }

    /**
     * Starts a worker JVM for one point with this JVM's Java, {@code -X}/{@code -D} options and class path
     * (plus the jars of the thread's class loader, where Spark executors keep the application's jars).
     *
     * @param out the sweep's output directory
     * @param id the point's id
     * @param pluginDirectory the directory of extra plugin jars, or null
     * @param threads the worker's {@code OMP_NUM_THREADS}
     * @param log the file the worker's output goes to
     * @return the running worker
     */
    public static Process start(Path out, String id, Path pluginDirectory, int threads, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-X") || arg.startsWith("-D")) {
                command.add(arg);
            }
        }
        for (String chosen : CHOICES) {  // the engine and device this JVM chose at run time (--engine, --device)
            if (System.getProperty(chosen) != null) {
                command.add("-D" + chosen + "=" + System.getProperty(chosen));
            }
        }
        command.addAll(List.of("-cp", classPath(), SweepWorker.class.getName(), out.toString(), id));
        if (pluginDirectory != null) {
            command.add(pluginDirectory.toAbsolutePath().toString());
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        return builder.start();
    }

    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        entries.add(Path.of(java.net.URI.create(url.toString())).toString());
                    }
                }
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * Ends this worker when the sweep process that started it ends, however it ends (killed too): the
     * point stays unfinished and resumes from its newest checkpoint when the sweep runs again.
     */
    private static void exitWithParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            return;
        }
        Thread watch = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("the sweep process ended; this worker stops");
            System.exit(STOPPED);  // the shutdown hook saves a checkpoint at the current step
        }, "sweep-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * Runs the point.
     *
     * @param args the sweep's output directory, the point's id, and optionally the plugin directory
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: SweepWorker OUT ID [PLUGIN_DIR]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        exitWithParent();
        int code;
        try {
            Sweep sweep = Json.read(out.resolve(SweepRunner.SWEEP_FILE), SweepRecord.class).sweep();
            SweepRunner runner = new SweepRunner(Plugins.discover(args.length == 3 ? Path.of(args[2]) : null), sweep, out)
                    .optMessages(System.out::println);
            SweepPoint point = sweep.point(args[1]);
            StopOnShutdown.call("sweep-worker-shutdown", runner::stop, () -> runner.runPoint(point));
            code = 0;
        } catch (SweepStoppedException e) {
            code = STOPPED;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            code = 2;
        } catch (RuntimeException e) {
            e.printStackTrace();
            code = 1;
        }
        System.out.flush();
        if (!StopOnShutdown.shuttingDown()) {  // on a signal the JVM exits with 128 + its number once the hook returns
            System.exit(code);
        }
    }
}
