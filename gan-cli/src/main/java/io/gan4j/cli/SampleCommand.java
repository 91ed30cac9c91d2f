package io.gan4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import io.gan4j.core.image.ImageGrid;
import io.gan4j.core.io.RunLock;
import io.gan4j.core.media.MediaProvenance;
import io.gan4j.core.media.ProvenanceManifest;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.LatentCode;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.train.DiscriminatorRejection;
import io.gan4j.core.train.Sampling;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.data.tabular.CsvTables;
import io.gan4j.data.tabular.TableEncoding;
import io.gan4j.eval.npy.Npy;
import io.gan4j.eval.shards.SampleShards;
import io.gan4j.eval.shards.ShardedGeneration;
import io.gan4j.eval.spark.SparkConnection;
import io.gan4j.eval.spark.SparkGeneration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gan sample}: draws samples from a trained run: images as a PNG grid (a conditional
 * generator's grid has one row per class unless {@code --class} is given), table rows as CSV, or any
 * run's raw samples as a float32 {@code .npy} array for other tools.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Draw samples from a trained run as a PNG grid, CSV rows or a NumPy array.",
            "Images go to a PNG grid, table rows (runs trained on csv:) to CSV, or the generator's raw output to a",
            "float32 NumPy array (--out FILE.npy; images in [-1, 1], shape (N, C, H, W)).",
            "A conditional run draws --class K only, or one row of --columns samples per class",
            "(.npy: classes in the training data's proportions, written to FILE-labels.npy)."})
final class SampleCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run directory (uses model/, else the newest checkpoint, unless --step names one).")
    Path run;

    @Option(names = {"-n", "--count"}, defaultValue = "64", description = "Number of samples (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--columns", defaultValue = "8", description = "Images per row (default: ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = "--scale", defaultValue = "2", description = "Pixel magnification (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--class", paramLabel = "K", description = "Class to draw (index, or name for table runs); conditional runs only.")
    String classValue;

    @Option(names = "--code", split = ",", paramLabel = "NAME=VALUE",
            description = "Fix latent codes of a run that has them (infogan), e.g. c1=3,c2=0.5; see 'gan inspect' or the error for names.")
    java.util.Map<String, Double> codes = new java.util.LinkedHashMap<>();

    @Option(names = "--vary", paramLabel = "NAME",
            description = "A sheet with one row per value of code NAME (categorical: each value; continuous: -2..2 in 7 steps), the same"
                    + " noise down each column; --count is ignored, --columns sets the columns.")
    String vary;

    @Option(names = "--out", paramLabel = "FILE",
            description = "PNG (images), CSV (tables) or .npy (any run) to write (default: RUN/samples/sample-seedSEED.png or .csv).")
    Path out;

    @Mixin
    StepOption weights = new StepOption();

    @Mixin
    RejectionOption rejection = new RejectionOption();

    @Mixin
    RuntimeOptions plugins;

    @Mixin
    SparkOptions spark;

    @Option(names = "--shard-size", paramLabel = "N",
            description = "Write the samples as .npy shards of N (a multiple of 500) with a manifest into --out DIR"
                    + " (default with --master: " + ShardedGeneration.DEFAULT_SHARD_SIZE + ").")
    Integer shardSize;

    @Option(names = "--statistics", paramLabel = "NAME",
            description = "With shards: also write the samples' feature statistics (pytorch-fid .npz) by this feature network.")
    String statistics;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spark.check();
        if (spark.enabled() || shardSize != null) {
            return shards();
        }
        if (statistics != null) {
            throw new IllegalArgumentException("--statistics needs shards: give --shard-size or --master");
        }
        if (vary != null) {
            return codeSheet();
        }
        if (count <= 0 || count > 100_000) {
            throw new IllegalArgumentException("--count must be in 1..100000, was " + count);
        }
        if (columns <= 0 || scale <= 0) {
            throw new IllegalArgumentException("--columns and --scale must be > 0");
        }
        PluginRegistry registry = plugins.registry();
        try (RunLock lock = RunLock.forOutput(run, out != null ? out : run.resolve("samples"), "sample");
                TrainedModel model = weights.load(registry, run, spec.commandLine().getErr())) {
            Generator g = codes.isEmpty() ? model.generator() : LatentCode.fix(model.generator(), codes);
            if (!codes.isEmpty() && rejection.percentile != null) {
                throw new IllegalArgumentException("--code and --drs do not combine: rejection sampling draws its own latent vectors");
            }
            Optional<TableEncoding> table = RunClasses.encoding(run);
            boolean npy = out != null && out.getFileName().toString().endsWith(".npy");
            int[] labels = classValue != null ? filled(count, RunClasses.resolve(classValue, g.numClasses(), table))
                    : npy ? Sampling.labels(g, count, model.record().classCounts())
                    : g.numClasses() > 0 && table.isEmpty() ? Sampling.rowPerClass(g.numClasses(), columns)
                    : g.numClasses() > 0 ? Sampling.balancedLabels(count, g.numClasses()) : null;
            Optional<DiscriminatorRejection> drs = rejection.create(registry, model, run, seed, spec.commandLine().getErr());
            int n = labels == null ? count : labels.length;
            NDArray samples = drs.isPresent() ? drs.get().generate(n, labels, seed, model.manager())
                    : labels == null ? Sampling.generate(g, count, seed, model.manager())
                    : Sampling.generate(g, labels, seed, model.manager());
            Path file;
            MediaProvenance provenance = MediaProvenance.of(model.record().spec().variant(), model.record().runId(run),
                    model.generator().block(), model.step(), seed);
            if (npy) {
                file = out;
                Npy.writeFloats(file, samples.toFloatArray(), samples.getShape().getShape());
                List<Path> written = new ArrayList<>(List.of(file));
                if (labels != null) {
                    Path labelFile = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.npy$", "-labels.npy"));
                    Npy.writeLabels(labelFile, labels);
                    written.add(labelFile);
                }
                ProvenanceManifest.write(provenance, written);
            } else if (table.isPresent()) {
                if (labels == null) {
                    throw new IllegalArgumentException("run " + run + " was trained on a table but its generator is unconditional");
                }
                file = out != null ? out : run.resolve("samples").resolve("sample-seed" + seed + ".csv");
                TableEncoding encoding = table.get();
                CsvTables.save(RunClasses.generatedRows(model, run, encoding, samples.toFloatArray(), labels, seed), file,
                        encoding.labelColumn());
                ProvenanceManifest.write(provenance, List.of(file));
            } else if (g.sampleShape().dimension() == 3) {
                file = out != null ? out : run.resolve("samples").resolve("sample-seed" + seed + ".png");
                ImageGrid.writePng(ImageGrid.render(samples, columns, scale), file, provenance);
            } else {
                throw new IllegalArgumentException("run " + run + " makes samples of shape " + g.sampleShape()
                        + ", neither images nor table rows; write them as --out FILE.npy");
            }
            spec.commandLine().getOut().printf("wrote %d samples from %s to %s%n", n, model.weights(), file);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** Writes a PNG sheet whose rows step through the values of one latent code, other codes fixed by --code. */
    private int codeSheet() {
        if (columns <= 0 || scale <= 0) {
            throw new IllegalArgumentException("--columns and --scale must be > 0");
        }
        if (rejection.percentile != null || classValue != null || (out != null && !out.getFileName().toString().endsWith(".png"))) {
            throw new IllegalArgumentException("--vary writes a PNG sheet of an unconditional generator: --class, --drs and non-PNG --out do not apply");
        }
        try (RunLock lock = RunLock.forOutput(run, out != null ? out : run.resolve("samples"), "sample");
                TrainedModel model = weights.load(plugins.registry(), run, spec.commandLine().getErr())) {
            Generator g = model.generator();
            LatentCode code = g.codes().stream().filter(c -> c.name().equals(vary)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "--vary: the generator has no code '" + vary + "'" + (g.codes().isEmpty() ? "" : "; its codes are "
                            + g.codes().stream().map(LatentCode::describe).toList())));
            double[] values = code.categorical() ? java.util.stream.IntStream.range(0, code.size()).asDoubleStream().toArray()
                    : new double[] {-2, -4 / 3.0, -2 / 3.0, 0, 2 / 3.0, 4 / 3.0, 2};
            NDList rows = new NDList();
            for (double value : values) {
                java.util.Map<String, Double> fixed = new java.util.LinkedHashMap<>(codes);
                fixed.put(vary, value);
                rows.add(Sampling.generate(LatentCode.fix(g, fixed), columns, seed, model.manager()));
            }
            Path file = out != null ? out : run.resolve("samples").resolve("vary-" + vary + "-seed" + seed + ".png");
            MediaProvenance provenance = MediaProvenance.of(model.record().spec().variant(), model.record().runId(run), g.block(),
                    model.step(), seed);
            ImageGrid.writePng(ImageGrid.render(NDArrays.concat(rows, 0), columns, scale), file, provenance);
            spec.commandLine().getOut().printf("wrote %d rows (%s = %s) of %d samples from %s to %s%n", values.length, vary,
                    code.categorical() ? "0.." + (code.size() - 1) : "-2..2", columns, model.weights(), file);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** Writes the samples as shards, in this process or as Spark tasks. */
    private int shards() {
        if (out == null || out.getFileName().toString().matches(".*\\.(npy|png|csv)")) {
            throw new IllegalArgumentException("--out must name a directory for the shards, was " + out);
        }
        if (classValue != null || rejection.percentile != null || !codes.isEmpty()) {
            throw new IllegalArgumentException("shards hold the generator's own samples: --class, --code and --drs do not apply");
        }
        if (count <= 0) {
            throw new IllegalArgumentException("--count must be > 0, was " + count);
        }
        ShardedGeneration.Settings settings = ShardedGeneration.Settings.of(run, count, seed, out)
                .withShardSize(shardSize != null ? shardSize : ShardedGeneration.DEFAULT_SHARD_SIZE)
                .withPluginDirectory(plugins.directory);
        if (weights.step != null) {
            settings = settings.withStep(weights.step);
        }
        if (statistics != null) {
            settings = settings.withFeatures(statistics, java.util.Map.of());
        }
        PluginRegistry registry = plugins.registry();  // checks --engine and --device for the tasks of this process too
        PrintWriter err = spec.commandLine().getErr();
        ShardedGeneration.Result result;
        long start;
        try (RunLock lock = RunLock.forOutput(run, out, "sample")) {
            if (spark.enabled()) {
                try (SparkConnection connection = spark.open("gan sample " + run.getFileName())) {
                    start = System.nanoTime();
                    result = SparkGeneration.run(connection, settings, spark.partitions, line -> {
                        err.println(line);
                        err.flush();
                    });
                }
            } else {
                ConsoleProgress progress = new ConsoleProgress(err, System.console() != null);
                start = System.nanoTime();
                result = ShardedGeneration.run(settings, registry, done -> progress.update("samples", done, count));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %d samples in %d shard(s) to %s (weights %s, step %d) in %.1f s, %.0f samples/s%n", count,
                result.manifest().shards().size(), result.directory().resolve(SampleShards.MANIFEST), result.manifest().weights(),
                result.manifest().step(), seconds, count / seconds);
        settings.statisticsFile().ifPresent(f -> o.printf("wrote their %s statistics to %s%n", statistics, f));
        o.flush();
        return 0;
    }

    private static int[] filled(int count, int label) {
        int[] labels = new int[count];
        java.util.Arrays.fill(labels, label);
        return labels;
    }
}
