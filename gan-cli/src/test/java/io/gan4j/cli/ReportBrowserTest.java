package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * {@code gan report} on two short real runs, opened in Debian's headless Chromium (installed by
 * {@code .ci/run}): the page loads from a file with no console error and no network request, its
 * charts and sample images render, and the numbers of its comparison table are those of the runs'
 * {@code metrics.jsonl} and saved evaluations.
 */
final class ReportBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path tmp;

    @Test
    void aReportOfTwoRunsOpensOfflineRendersAndShowsTheRunsNumbers() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium and chromium-driver packages (.ci/run installs them)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver package (.ci/run installs it)").isExecutable();
        List<Path> runs = new ArrayList<>();
        for (int seed : new int[] {0, 1}) {
            Path run = tmp.resolve("seed" + seed);
            Cli train = Cli.run("train", "dcgan", "-o", "width=16", "--steps", "30", "--sample-every", "10", "--log-every", "5",
                    "--alarm-every", "10", "--seed", String.valueOf(seed), "--out", run.toString());
            assertThat(train.exitCode()).as(train.err()).isZero();
            Cli eval = Cli.run("eval", "--run", run.toString(), "-n", "300", "--metrics", "fid,kid,classes");
            assertThat(eval.exitCode()).as(eval.err()).isZero();
            runs.add(run);
        }
        Path out = tmp.resolve("report");
        Cli report = Cli.run("report", runs.get(0).toString(), runs.get(1).toString(), "--out", out.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        Path page = out.resolve("index.html");
        assertThat(report.out()).contains("report of 2 run(s) written in").contains(page.toString());

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1360,2400",
                "--user-data-dir=" + tmp.resolve("chromium-profile"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withLogFile(tmp.resolve("chromedriver.log").toFile()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(page.toUri().toString());
            JavascriptExecutor js = browser;
            for (int i = 0; i < 100 && !"complete".equals(js.executeScript("return document.readyState")); i++) {
                Thread.sleep(100);
            }

            // No console errors, and every request the page made stayed on this machine (its own files).
            List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
            assertThat(console).as("console messages").noneMatch(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue());
            // (The browser's own start page, loaded before the report, is not the report's business.)
            List<String> requested = new ArrayList<>();
            String pageUrl = browser.getCurrentUrl();
            for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
                JsonNode message = JSON.readTree(e.getMessage()).path("message");
                if (message.path("method").asText().equals("Network.requestWillBeSent")
                        && message.path("params").path("documentURL").asText().equals(pageUrl)) {
                    requested.add(message.path("params").path("request").path("url").asText());
                }
            }
            assertThat(requested).as("requests logged (the page and its images)").hasSizeGreaterThan(4)
                    .allMatch(url -> url.startsWith("file:") || url.startsWith("data:"), "a local file");

            // Every image decodes: the slider's, the finals, and the strips (3 grids per run).
            List<?> images = (List<?>) js.executeScript(
                    "return Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.naturalHeight, i.currentSrc]);");
            assertThat(images).hasSize(2 * (1 + 1 + 3));
            for (Object image : images) {
                List<?> info = (List<?>) image;
                assertThat(info.get(0)).as("loaded: " + info.get(3)).isEqualTo(true);
                assertThat(((Number) info.get(1)).intValue()).as("decoded width of " + info.get(3)).isPositive();
            }
            // The slider shows the grid it is moved to.
            WebElement slider = browser.findElement(By.cssSelector(".slider"));
            js.executeScript("arguments[0].value = 0; arguments[0].dispatchEvent(new Event('input'));", slider);
            assertThat(browser.findElement(By.cssSelector("img.slide")).getAttribute("src")).endsWith("step-000000010.png");
            assertThat(browser.findElement(By.cssSelector(".slide-step")).getText()).isEqualTo("step 10");

            // Charts: one per logged series (d_loss, g_loss, diversity_ratio), with a line per run, drawn.
            List<WebElement> charts = browser.findElements(By.cssSelector(".charts svg.chart"));
            assertThat(charts.size()).isGreaterThanOrEqualTo(3);
            assertThat(charts.get(0).findElements(By.tagName("polyline"))).hasSize(2);
            assertThat(inked(charts.get(0).getScreenshotAs(OutputType.BYTES))).as("ink in the first chart").isGreaterThan(0.01);
            byte[] screenshot = browser.getScreenshotAs(OutputType.BYTES);
            assertThat(inked(screenshot)).as("ink on the page").isGreaterThan(0.05);
            Files.write(tmp.resolve("report.png"), screenshot);

            // The comparison table holds the runs' own numbers.
            for (WebElement row : browser.findElements(By.cssSelector("#comparison tbody tr"))) {
                Path run = tmp.resolve(row.getAttribute("data-run"));
                JsonNode lastLog = lastLine(run.resolve("metrics.jsonl"));
                JsonNode evaluation = onlyEvaluation(run).path("report").path("metrics");
                Map<String, Double> expected = Map.of("d_loss", lastLog.get("d_loss").asDouble(), "g_loss", lastLog.get("g_loss").asDouble(),
                        "fid", evaluation.get("fid").asDouble(), "kid", evaluation.get("kid").get("mean").asDouble(),
                        "classes_covered", evaluation.get("classes_covered").asDouble());
                for (Map.Entry<String, Double> e : expected.entrySet()) {
                    WebElement cell = row.findElement(By.cssSelector("td[data-key='" + e.getKey() + "']"));
                    assertThat(Double.parseDouble(cell.getAttribute("data-value"))).as(run + " " + e.getKey()).isEqualTo(e.getValue());
                    assertThat(Double.parseDouble(cell.getText())).as("shown " + e.getKey()).isCloseTo(e.getValue(), within(Math.abs(e.getValue()) * 1e-3));
                }
                assertThat(row.findElement(By.cssSelector("td[data-key='training.seed']")).getText())
                        .isEqualTo(run.getFileName().toString().substring(4));
            }
            // The runs differ only by seed: mean ± std (population) over them, computed here by hand.
            double fid0 = onlyEvaluation(runs.get(0)).path("report").path("metrics").get("fid").asDouble();
            double fid1 = onlyEvaluation(runs.get(1)).path("report").path("metrics").get("fid").asDouble();
            WebElement fid = browser.findElement(By.cssSelector("#groups td[data-key='fid']"));
            assertThat(Double.parseDouble(fid.getAttribute("data-mean"))).isCloseTo((fid0 + fid1) / 2, within(1e-9));
            assertThat(Double.parseDouble(fid.getAttribute("data-std"))).isCloseTo(Math.abs(fid0 - fid1) / 2, within(1e-9));
            // The alarm's checks are listed per run (every 10 steps: 3 checks).
            assertThat(browser.findElements(By.xpath("//h3[text()='Mode-collapse alarm']"))).hasSize(2);
            assertThat(browser.getPageSource()).containsPattern("(No alarm in 3 checks|\\d alarm\\(s\\) in 3 checks)");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aRunStillTrainingIsReportedFromWhatItHasWrittenSoFar() throws Exception {
        Path run = tmp.resolve("training");
        Cli train = Cli.run("train", "gan", "--data", "ring8:500", "--steps", "40", "--log-every", "5", "--sample-every", "20",
                "--out", run.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        // As if the trainer were at step 20 and writing its next log line: no model yet, a torn last line, its lock held.
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        Files.writeString(run.resolve("metrics.jsonl"), String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(4).substring(0, 20));
        io.gan4j.core.io.AtomicFiles.deleteRecursively(run.resolve("model"));
        try (io.gan4j.core.io.RunLock lock = io.gan4j.core.io.RunLock.acquire(run, "training")) {
            Cli report = Cli.run("report", run.toString());
            assertThat(report.exitCode()).as(report.err()).isZero();
        }
        String html = Files.readString(run.resolve("report/index.html"));
        assertThat(html).contains("<td class=\"status-training\">training</td><td class=\"num\">20</td>")
                .contains("(training, step 20 of 40)");
        Cli stopped = Cli.run("report", run.toString());
        assertThat(stopped.exitCode()).isZero();
        assertThat(Files.readString(run.resolve("report/index.html"))).contains("(stopped, step 20 of 40)");
    }

    /** Returns the fraction of pixels that are not (near) white. */
    private static double inked(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        long inked = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 235) {
                    inked++;
                }
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(8);
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }

    private static JsonNode lastLine(Path jsonl) throws Exception {
        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    private static JsonNode onlyEvaluation(Path run) throws Exception {
        try (Stream<Path> files = Files.list(run.resolve("evaluations"))) {
            List<Path> saved = files.filter(f -> f.getFileName().toString().startsWith("step-")).toList();
            assertThat(saved).hasSize(1);
            return JSON.readTree(saved.get(0).toFile());
        }
    }
}
