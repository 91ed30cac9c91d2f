package io.gan4j.cli;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.model.Generator;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.media.MediaProvenance;
import io.gan4j.core.media.ProvenanceManifest;
import io.gan4j.core.run.RunBuilder;
import io.gan4j.core.train.RunDirectory;
import io.gan4j.core.train.Sampling;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.data.idx.IdxFile;
import io.gan4j.data.idx.IdxImages;
import io.gan4j.data.image.ImageTensorDataset;
import io.gan4j.data.tabular.CsvTables;
import io.gan4j.data.tabular.GeneratedExamples;
import io.gan4j.data.tabular.TableEncoding;
import io.gan4j.data.tabular.TabularDataset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gan augment}: adds a conditional generator's samples to a labelled dataset, for chosen
 * classes or to balance all classes, and writes the result as CSV (tables) or IDX (grey images).
 */
@Command(name = "augment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Add a conditional generator's samples to a labelled dataset and write it.",
            "Tables (csv:) are written as CSV, grey images as IDX (PREFIX-images-idx3-ubyte.gz, PREFIX-labels-idx1-ubyte.gz).",
            "If --run DIR holds no run yet, a conditional GAN is first trained on --data into DIR."})
final class AugmentCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Conditional run to sample (trained first when absent).")
    Path run;

    @Option(names = "--data", paramLabel = "SPEC", description = "Real labelled data (default: the run's data), e.g. csv:FILE or mnist.")
    String data;

    @Option(names = "--class", paramLabel = "K", description = "Class to add samples of (index, or name for tables); with --count.")
    String classValue;

    @Option(names = "--count", paramLabel = "N", description = "Samples of --class to add.")
    Integer count;

    @Option(names = "--balance", description = "Add samples to every class until each has as many as the largest.")
    boolean balance;

    @Option(names = "--only-generated", description = "Write only the generated samples, not the real data.")
    boolean onlyGenerated;

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "FILE.csv for tables; PREFIX for images (PREFIX-images-idx3-ubyte.gz and PREFIX-labels-idx1-ubyte.gz).")
    Path output;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the sampling noise and of training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--variant", defaultValue = "cgan", description = "Variant to train when --run is empty (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--steps", defaultValue = "1500", description = "Training steps when --run is empty (default: ${DEFAULT-VALUE}).")
    long steps;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (balance == (classValue != null)) {
            throw new IllegalArgumentException("give either --balance or --class K --count N");
        }
        if (classValue != null && (count == null || count <= 0 || count > 10_000_000)) {
            throw new IllegalArgumentException("--class needs --count N with N in 1..10000000");
        }
        PluginRegistry registry = plugins.registry();
        if (!Files.isRegularFile(new RunDirectory(run).runFile())) {
            train(registry);
        }
        try (TrainedModel model = TrainedModel.load(registry, run, java.util.OptionalLong.empty(), spec.commandLine().getErr()::println)) {
            Generator g = model.generator();
            if (g.numClasses() == 0) {
                throw new IllegalArgumentException("run " + run + " (" + model.record().spec().variant()
                        + ") is unconditional; augmenting needs a conditional run such as cgan or acgan");
            }
            Dataset real = registry.openDataset(data != null ? data : model.record().spec().data(), seed);
            if (real.numClasses() != g.numClasses()) {
                throw new IllegalArgumentException("--data has " + real.numClasses() + " classes but the run's generator " + g.numClasses());
            }
            Optional<TableEncoding> table = RunClasses.encoding(run);
            int[] add = new int[g.numClasses()];
            int[] have = real.classCounts();
            if (balance) {
                int most = java.util.Arrays.stream(have).max().orElse(0);
                for (int c = 0; c < add.length; c++) {
                    add[c] = most - have[c];
                }
            } else {
                add[RunClasses.resolve(classValue, g.numClasses(), table)] = count;
            }
            int[] labels = labels(add);
            if (labels.length == 0) {
                throw new IllegalArgumentException("nothing to add: the classes of " + real.description() + " are already balanced");
            }
            float[] samples = Sampling.generate(g, labels, seed, model.manager()).toFloatArray();
            String written;
            if (real instanceof TabularDataset tabular) {
                written = writeTable(model, tabular, table.orElseThrow(
                        () -> new IllegalArgumentException("run " + run + " has no " + TableEncoding.FILE + "; it was not trained on a table")),
                        samples, labels);
            } else {
                written = writeImages(model, real, samples, labels);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("added %d generated samples in all; per class %s (real: %s) from %s%nwrote %s%n", labels.length,
                    java.util.Arrays.toString(add), java.util.Arrays.toString(have), model.weights(), written);
            out.flush();
        }
        return 0;
    }

    private void train(PluginRegistry registry) {
        if (data == null) {
            throw new IllegalArgumentException("run " + run + " holds no run yet: give --data SPEC to train one");
        }
        PrintWriter err = spec.commandLine().getErr();
        RunBuilder.create(registry).setVariant(variant).optData(data).optSteps(steps).optSeed(seed).setOutput(run)
                .optMessages(err::println).optListener(new ProgressReporter(err, System.console() != null)).build().train();
    }

    private String writeTable(TrainedModel model, TabularDataset real, TableEncoding encoding, float[] samples, int[] labels) {
        if (!output.getFileName().toString().endsWith(".csv")) {
            throw new IllegalArgumentException("--out must name a .csv file for table data, got " + output);
        }
        MutableDataset<Label> generated = RunClasses.generatedRows(model, run, encoding, samples, labels, seed);
        CsvTables.save(onlyGenerated ? generated : GeneratedExamples.augment(real.table(), generated), output, encoding.labelColumn());
        ProvenanceManifest.write(provenance(model), List.of(output));
        return output.toString();
    }

    /** What generated the added samples (the manifest lists the whole output, real samples included unless --only-generated). */
    private MediaProvenance provenance(TrainedModel model) {
        return MediaProvenance.of(model.record().spec().variant(), model.record().runId(run), model.generator().block(), model.step(), seed);
    }

    private String writeImages(TrainedModel model, Dataset real, float[] samples, int[] labels) {
        if (real.sampleShape().dimension() != 3 || real.sampleShape().get(0) != 1) {
            throw new IllegalArgumentException("IDX output holds grey images (1, H, W); " + real.description() + " has samples "
                    + real.sampleShape());
        }
        int size = Math.toIntExact(real.sampleShape().size());
        int realCount = onlyGenerated ? 0 : real.size();
        float[] all = new float[(realCount + labels.length) * size];
        byte[] allLabels = new byte[realCount + labels.length];
        for (int i = 0; i < realCount; i++) {
            real.read(i, all, i * size);
            allLabels[i] = (byte) real.label(i);
        }
        System.arraycopy(samples, 0, all, realCount * size, samples.length);
        for (int i = 0; i < labels.length; i++) {
            allLabels[realCount + i] = (byte) labels[i];
        }
        Path images = output.resolveSibling(output.getFileName() + "-images-idx3-ubyte.gz");
        Path labelFile = output.resolveSibling(output.getFileName() + "-labels-idx1-ubyte.gz");
        int rows = (int) real.sampleShape().get(1);
        int cols = (int) real.sampleShape().get(2);
        IdxFile.writeImages(images, new IdxImages(images.toString(), allLabels.length, rows, cols, ImageTensorDataset.toPixels(all)));
        IdxFile.writeLabels(labelFile, allLabels);
        ProvenanceManifest.write(provenance(model), List.of(images, labelFile));
        return images + " and " + labelFile;
    }

    private static int[] labels(int[] perClass) {
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < perClass.length; c++) {
            for (int i = 0; i < perClass[c]; i++) {
                labels.add(c);
            }
        }
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }
}
