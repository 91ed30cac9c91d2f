package io.gan4j.eval.sweep;

import io.gan4j.core.inject.Plugins;
import io.gan4j.core.io.Json;
import java.nio.file.Path;

/**
 * The worker process of a parallel sweep: runs one point of the sweep recorded in {@code OUT/sweep.json}.
 * Arguments: {@code OUT ID [PLUGIN_DIR]}. Exit code 0 when the point finished, 2 when its settings are
 * invalid, 3 when the sweep process ended first, 1 on any other failure.
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
            Runtime.getRuntime().halt(3);
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
        try {
            Sweep sweep = Json.read(out.resolve(SweepRunner.SWEEP_FILE), SweepRecord.class).sweep();
            new SweepRunner(Plugins.discover(args.length == 3 ? Path.of(args[2]) : null), sweep, out)
                    .optMessages(System.out::println).runPoint(sweep.point(args[1]));
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
