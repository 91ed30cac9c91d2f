package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gan4j.core.engine.EngineChoice;
import io.gan4j.core.io.Json;
import io.gan4j.examples.QuickStart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library quick start against the command line: the same run, byte for byte, and FID without engine variables. */
final class LibraryRunTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void onTheDefaultEngine() {
        EngineChoice.use("mxnet");
    }

    @Test
    void theQuickStartProgramWritesTheRunTheCommandLineWrites() throws Exception {
        Path library = tmp.resolve("library");
        double fid = QuickStart.run(library);
        Path cli = tmp.resolve("cli");
        Cli first = Cli.run("train", "dcgan", "--steps", "20", "--sample-every", "10", "--out", cli.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Cli extended = Cli.run("train", "--resume", cli.toString(), "--steps", "30");
        assertThat(extended.exitCode()).as(extended.err()).isZero();

        assertThat(Files.readAllBytes(library.resolve("model/networks.npz"))).isEqualTo(Files.readAllBytes(cli.resolve("model/networks.npz")));
        assertThat(withoutTimes(library)).isEqualTo(withoutTimes(cli));
        assertThat(losses(library)).hasSize(3).isEqualTo(losses(cli));
        assertThat(library.resolve("grid.png")).isNotEmptyFile();

        Cli eval = Cli.run("eval", "--run", cli.toString(), "-n", "500", "--metrics", "fid", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        double cliFid = Json.MAPPER.readTree(eval.out()).get("metrics").get("fid").asDouble();
        assertThat(fid).isCloseTo(cliFid, within(1e-9 * cliFid));

        // The same program in a fresh JVM without MXNET_ENGINE_TYPE, i.e. on MXNet's default threaded engine.
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Dai.djl.default_engine=MXNet", "-cp", System.getProperty("java.class.path"),
                QuickStart.class.getName(), tmp.resolve("threaded").toString());
        process.environment().remove("MXNET_ENGINE_TYPE");
        process.redirectError(tmp.resolve("threaded.err").toFile());
        Process p = process.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(Files.readString(tmp.resolve("threaded.err"))).isZero();
        // MXNet names its engine only when MXNET_ENGINE_TYPE chose it; the default is the threaded one.
        assertThat(Files.readString(tmp.resolve("threaded.err"))).doesNotContain("NaiveEngine");
        assertThat(Double.parseDouble(out.lines().reduce((a, b) -> b).orElseThrow())).isCloseTo(cliFid, within(1e-9 * cliFid));
    }

    private static JsonNode withoutTimes(Path run) throws Exception {
        ObjectNode record = (ObjectNode) Json.MAPPER.readTree(run.resolve("run.json").toFile());
        ((ObjectNode) record.get("provenance")).remove("createdAt");
        record.get("resumes").forEach(resume -> ((ObjectNode) resume.get("provenance")).remove("createdAt"));
        return record;
    }

    private static List<String> losses(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.jsonl")).stream().map(line -> {
            try {
                JsonNode n = Json.MAPPER.readTree(line);
                return n.get("step") + " " + n.get("d_loss") + " " + n.get("g_loss");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

}
