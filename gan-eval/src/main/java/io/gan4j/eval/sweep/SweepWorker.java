package io.gan4j.eval.sweep;

import io.gan4j.core.inject.Plugins;
import io.gan4j.core.io.Json;
import io.gan4j.core.run.StopOnShutdown;
import java.nio.file.Path;

/**
 * The worker process of a parallel sweep: runs one point of the sweep recorded in {@code OUT/sweep.json}.
 * Arguments: {@code OUT ID [PLUGIN_DIR]}. Exit code 0 when the point finished, 2 when its settings are
 * invalid, 3 when it was stopped (the sweep process ended or asked it to stop, SIGTERM), 1 on any other
 * failure. A stopped point saved a checkpoint at its current step.
 */
public final class SweepWorker {

    private SweepWorker() {}

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
            System.exit(3);  // the shutdown hook saves a checkpoint at the current step
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
            code = 3;
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
