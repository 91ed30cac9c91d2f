package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Trains a 6-step run straight and again cut back to its step-3 checkpoint and resumed, and compares the two bit for bit. */
final class ExactResume {

    private ExactResume() {}

    /**
     * Checks that a resumed run ends with the same weights and optimizer state as the straight one.
     *
     * @param tmp a scratch directory
     * @param train {@code train VARIANT ...} without --steps, --checkpoint-every and --out
     */
    static void check(Path tmp, String... train) throws Exception {
        Path straight = tmp.resolve("straight");
        Path resumed = tmp.resolve("resumed");
        String[] common = PluginDiscoveryTest.concat(train, new String[] {"--steps", "6", "--checkpoint-every", "3"});
        for (Path out : new Path[] {straight, resumed}) {
            Cli run = Cli.run(PluginDiscoveryTest.concat(common, new String[] {"--out", out.toString()}));
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        // Cut the second run back to its step-3 checkpoint, as if it had been interrupted there.
        try (var files = Files.list(resumed.resolve("checkpoints"))) {
            for (Path c : files.filter(c -> !c.getFileName().toString().endsWith("3")).toList()) {
                AtomicFiles.deleteRecursively(c);
            }
        }
        AtomicFiles.deleteRecursively(resumed.resolve("model"));
        Cli resume = Cli.run("train", "--resume", resumed.toString());
        assertThat(resume.exitCode()).as(resume.err()).isZero();
        assertThat(resume.err()).contains("steps 3..6");
        for (String file : new String[] {"model/networks.npz", "checkpoints/step-000000006/optimizers.npz"}) {
            Map<String, float[]> a = NpzFiles.read(straight.resolve(file));
            Map<String, float[]> b = NpzFiles.read(resumed.resolve(file));
            assertThat(b.keySet()).as(file).isEqualTo(a.keySet()).anyMatch(k -> k.startsWith("discriminator"));
            // Arrays.equals, not containsExactly: AssertJ's diff of two large arrays that differ takes hours.
            assertThat(a.keySet().stream().filter(name -> !java.util.Arrays.equals(a.get(name), b.get(name))).toList())
                    .as("arrays of %s that differ", file).isEmpty();
        }
    }
}
