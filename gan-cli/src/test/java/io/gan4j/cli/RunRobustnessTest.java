package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.core.io.RunLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs survive what users do to them: concurrent writers, torn logs, corrupt checkpoints, signals. */
final class RunRobustnessTest {

    @TempDir
    Path tmp;

    /** Starts {@code gan ARGS} in a fresh JVM with a 1 GB heap, as the launcher would. */
    static Process gan(Path log, String... args) throws IOException {
        return ganWithHeap(log, "-Xmx1g", args);
    }

    /** Starts {@code gan ARGS} in a fresh JVM with the given heap option. */
    static Process ganWithHeap(Path log, String heap, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Dai.djl.default_engine=MXNet", heap,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error", "-cp", System.getProperty("java.class.path"),
                GanCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().remove("MXNET_ENGINE_TYPE");  // as the launcher runs it
        return builder.start();
    }

    @Test
    void twoTrainsIntoOneDirectoryAtOnceGiveOneRunAndOneClearRefusal() throws Exception {
        Path out = tmp.resolve("run");
        String[] args = {"train", "gan", "--data", "ring8:2000", "--steps", "400", "--sample-every", "0", "--out", out.toString()};
        Process first = gan(tmp.resolve("first.log"), args);
        Process second = gan(tmp.resolve("second.log"), args);
        assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
        List<Integer> codes = new ArrayList<>(List.of(first.exitValue(), second.exitValue()));
        String loser = Files.readString(tmp.resolve(first.exitValue() == 0 ? "second.log" : "first.log"), StandardCharsets.UTF_8);
        codes.sort(null);
        assertThat(codes).as(loser).containsExactly(0, GanCommand.USER_ERROR);
        assertThat(loser).containsPattern("run directory .* (is in use by process \\d+ \\(training since|already holds a run)")
                .doesNotContain("\tat ");
        assertThat(out.resolve("model")).isDirectory();

        // While another process owns the directory, a resume is refused, naming that process.
        try (RunLock held = RunLock.acquire(out, "a test")) {
            Process resume = gan(tmp.resolve("resume.log"), "train", "--resume", out.toString(), "--steps", "800");
            assertThat(resume.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(resume.exitValue()).isEqualTo(GanCommand.USER_ERROR);
            assertThat(Files.readString(tmp.resolve("resume.log")).strip())
                    .startsWith("gan train: error: run directory " + out + " is in use by process " + ProcessHandle.current().pid()
                            + " (a test since ")
                    .doesNotContain("\tat ");
        }
        // Commands that write into the run wait their turn too; writing elsewhere, they read it as they like.
        try (RunLock held = RunLock.acquire(out, "a test")) {
            Cli intoRun = Cli.run("sample", "--run", out.toString(), "-n", "4");
            assertThat(intoRun.exitCode()).isEqualTo(GanCommand.USER_ERROR);
            assertThat(intoRun.err()).contains("is in use by process " + ProcessHandle.current().pid());
            Cli elsewhere = Cli.run("sample", "--run", out.toString(), "-n", "4", "--out", tmp.resolve("points.npy").toString());
            assertThat(elsewhere.exitCode()).as(elsewhere.err()).isZero();
        }
        // Released (as the OS releases it when its owner dies), the run resumes.
        Process resume = gan(tmp.resolve("resume2.log"), "train", "--resume", out.toString(), "--steps", "500");
        assertThat(resume.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resume.exitValue()).as(Files.readString(tmp.resolve("resume2.log"))).isZero();
    }

    @Test
    void aDamagedLogOrCheckpointNeverStopsAResumeAndTheResumedRunIsExact() throws Exception {
        Path straight = tmp.resolve("straight");
        Path run = tmp.resolve("run");
        String[] common = {"train", "gan", "--data", "ring8:2000", "--sample-every", "0", "--checkpoint-every", "100", "--log-every", "10"};
        assertThat(Cli.run(concat(common, "--steps", "400", "--out", straight.toString())).exitCode()).isZero();
        assertThat(Cli.run(concat(common, "--steps", "300", "--out", run.toString())).exitCode()).isZero();
        String created = Files.readString(run.resolve("run.json")).replaceAll("(?s).*\"createdAt\" : \"([^\"]+)\".*", "$1");

        // A garbled line in the log, a line torn by a full disk, a truncated newest checkpoint, a hand-edited
        // state, and the temporary directories of killed writes.
        Path log = run.resolve("metrics.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.add(5, "\u0000\u0001garbage");
        Files.write(log, lines);
        Files.writeString(log, "{\"step\": 31", java.nio.file.StandardOpenOption.APPEND);
        Path newest = run.resolve("checkpoints/step-000000300/networks.npz");
        Files.write(newest, java.util.Arrays.copyOf(Files.readAllBytes(newest), (int) Files.size(newest) / 2));
        Files.writeString(run.resolve("checkpoints/step-000000100/state.json"), "{\"step\": -5, \"epoch\": 0, \"position\": 0}");
        Files.createDirectories(run.resolve("checkpoints/.step-000000400.tmp123"));
        Files.createDirectories(run.resolve(".model.tmp456"));

        Cli resumed = Cli.run("train", "--resume", run.toString(), "--steps", "400");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("skipping checkpoints/step-000000300: " + newest + " does not match the SHA-256")
                .contains("dropped 2 unreadable line(s) (line 6, 32")
                .contains("removed 2 temporary file(s)");
        assertThat(run.resolve("checkpoints/.step-000000400.tmp123")).doesNotExist();
        assertThat(run.resolve(".model.tmp456")).doesNotExist();
        for (String line : Files.readAllLines(log)) {
            assertThat(io.gan4j.core.io.Json.MAPPER.readTree(line).get("step").isNumber()).as(line).isTrue();
        }
        // Resumed from step 200, the run ends bit for bit where the uninterrupted one did.
        assertThat(run.resolve("model/networks.npz")).hasSameBinaryContentAs(straight.resolve("model/networks.npz"));
        // run.json keeps its creation record and appends the resume.
        var record = io.gan4j.core.io.Json.read(run.resolve("run.json"), io.gan4j.core.config.RunRecord.class);
        assertThat(record.provenance().createdAt()).isEqualTo(created);
        assertThat(record.resumes()).singleElement().satisfies(r -> {
            assertThat(r.fromStep()).isEqualTo(200);
            assertThat(r.steps()).isEqualTo(400);
        });
        assertThat(record.spec().training().steps()).isEqualTo(400);

        // A damaged model: sampling and evaluation fall back to the newest checkpoint that verifies, and say so.
        Path model = run.resolve("model/networks.npz");
        Files.write(model, new byte[] {1, 2, 3});
        Cli sample = Cli.run("sample", "--run", run.toString(), "-n", "10", "--out", tmp.resolve("points.npy").toString());
        assertThat(sample.exitCode()).as(sample.err()).isZero();
        assertThat(sample.err()).contains("skipping " + run.getFileName() + "/model: " + model + " does not match");
        Cli eval = Cli.run("eval", "--run", run.toString(), "-n", "200", "--metrics", "fid");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.err()).contains("skipping " + run.getFileName() + "/model");

        // A budget below the run's step is refused; nothing is rewritten.
        String before = Files.readString(run.resolve("run.json"));
        Cli shorter = Cli.run("train", "--resume", run.toString(), "--steps", "200");
        assertThat(shorter.exitCode()).isEqualTo(GanCommand.USER_ERROR);
        assertThat(Files.readString(run.resolve("run.json"))).isEqualTo(before);
    }

    @Test
    void sigtermAndSigintSaveTheCurrentStepAndTheResumedRunIsExact() throws Exception {
        String[] common = {"train", "gan", "--data", "ring8:2000", "--steps", "1500", "--checkpoint-every", "1000", "--sample-every", "0"};
        Path straight = tmp.resolve("straight");
        assertThat(gan(tmp.resolve("straight.log"), concat(common, "--out", straight.toString())).waitFor()).isZero();

        // A process started in the background inherits SIGINT ignored, and the JVM then leaves it ignored
        // (as nohup wants); only test SIGINT when this process would pass it on.
        List<String> signals = sigintIgnored() ? List.of("TERM") : List.of("TERM", "INT");
        for (String signal : signals) {
            Path run = tmp.resolve("run-" + signal);
            Process training = gan(tmp.resolve(signal + ".log"), concat(common, "--out", run.toString()));
            Path log = run.resolve("metrics.jsonl");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!(Files.isRegularFile(log) && Files.readAllLines(log).size() >= 15) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(training.pid())).start().waitFor()).isZero();
            assertThat(training.waitFor(3, TimeUnit.MINUTES)).isTrue();
            String output = Files.readString(tmp.resolve(signal + ".log"));
            assertThat(training.exitValue()).as(output).isEqualTo(signal.equals("TERM") ? 143 : 130);
            assertThat(output).containsPattern("stopped at step \\d+ of 1500; checkpoint saved");
            long stopped = Long.parseLong(output.replaceAll("(?s).*stopped at step (\\d+) of.*", "$1"));
            assertThat(stopped).isBetween(150L, 1499L);
            assertThat(run.resolve(String.format("checkpoints/step-%09d", stopped))).isDirectory();
            assertThat(run.resolve("model")).doesNotExist();

            Process resumed = gan(tmp.resolve(signal + "-resumed.log"), "train", "--resume", run.toString());
            assertThat(resumed.waitFor()).as(Files.readString(tmp.resolve(signal + "-resumed.log"))).isZero();
            assertThat(run.resolve("model/networks.npz")).hasSameBinaryContentAs(straight.resolve("model/networks.npz"));
        }
    }

    /** Whether this process ignores SIGINT (Linux: bit 2 of SigIgn in /proc/self/status), which children inherit. */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return true;
        }
        String mask = Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:")).findFirst().orElse("SigIgn: 0")
                .substring("SigIgn:".length()).strip();
        return (Long.parseUnsignedLong(mask, 16) & 0b10) != 0;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
