package io.gan4j.cli;

import io.gan4j.core.engine.DeviceChoice;
import io.gan4j.eval.stats.MeanStd;
import ai.djl.ndarray.NDManager;
import io.gan4j.core.io.AtomicFiles;
import io.gan4j.core.model.Generator;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.RunBuilder;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.core.train.Sampling;
import io.gan4j.data.tabular.CsvTables;
import io.gan4j.data.tabular.GeneratedDataProvenance;
import io.gan4j.data.tabular.GeneratedExamples;
import io.gan4j.data.tabular.TableEncoding;
import io.gan4j.data.tabular.TabularDataset;
import io.gan4j.eval.cas.TribuoClassifiers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gan bench tabular}: does class balancing with GAN samples help a classifier? Per seed, a
 * stratified 70/30 split of a labelled CSV; the training split's minority class is subsampled to
 * {@code --ratio} of the majority; a Tribuo logistic regression is trained on (a) the real rows,
 * (b) the real rows with the minority randomly oversampled to balance, (c, d) the real rows plus
 * rows a cgan / acgan trained on that split made for the minority, to balance. Minority recall, F1
 * and balanced accuracy on the untouched test split, mean ± std over the seeds.
 */
@Command(name = "tabular", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Augmentation benchmark on a labelled CSV: real vs oversampling vs cgan/acgan samples (minority recall, F1, balanced accuracy).")
final class TabularAugmentationBench implements Callable<Integer> {

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Labelled CSV, e.g. ../shared/datasets/tabular/wdbc.csv.")
    Path csv;

    @Option(names = "--label", paramLabel = "COLUMN", description = "Label column (default: the last).")
    String label;

    @Option(names = "--ratio", defaultValue = "0.1", description = "Minority size as a fraction of the majority in training (default: ${DEFAULT-VALUE}).")
    double ratio;

    @Option(names = "--seeds", split = ",", defaultValue = "0,1,2,3,4", paramLabel = "LIST", description = "Seeds (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--steps", defaultValue = "2000", description = "GAN training steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--variants", split = ",", defaultValue = "cgan,acgan", description = "GAN variants to compare (default: ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(names = "--epochs", defaultValue = "30", description = "Logistic-regression epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private record Scores(double recall, double f1, double balancedAccuracy) {}

    @Override
    public Integer call() throws IOException {
        if (seeds.isEmpty() || !(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("need at least one of --seeds and --ratio in (0, 1]");
        }
        PluginRegistry registry = plugins.registry();
        String labelColumn = CsvTables.labelColumn(csv, label);
        MutableDataset<Label> all = CsvTables.load(csv, labelColumn);
        Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        List<Example<Label>> rows = all.getData();
        for (int i = 0; i < rows.size(); i++) {
            byClass.computeIfAbsent(rows.get(i).getOutput().getLabel(), k -> new ArrayList<>()).add(i);
        }
        String minority = byClass.entrySet().stream().min(Map.Entry.comparingByValue((a, b) -> a.size() - b.size())).orElseThrow().getKey();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, List<Scores>> results = new LinkedHashMap<>();
        for (long seed : seeds) {
            Random random = new Random(seed);
            List<Example<Label>> train = new ArrayList<>();
            List<Example<Label>> test = new ArrayList<>();
            for (List<Integer> indices : byClass.values()) {
                List<Integer> shuffled = new ArrayList<>(indices);
                java.util.Collections.shuffle(shuffled, random);
                int cut = (int) Math.round(0.7 * shuffled.size());
                shuffled.subList(0, cut).forEach(i -> train.add(rows.get(i)));
                shuffled.subList(cut, shuffled.size()).forEach(i -> test.add(rows.get(i)));
            }
            long majority = train.stream().filter(e -> !e.getOutput().getLabel().equals(minority)).count();
            int keep = (int) Math.max(2, Math.round(ratio * majority));
            List<Example<Label>> minorityRows = new ArrayList<>(train.stream().filter(e -> e.getOutput().getLabel().equals(minority)).toList());
            java.util.Collections.shuffle(minorityRows, random);
            train.removeIf(e -> e.getOutput().getLabel().equals(minority));
            List<Example<Label>> kept = minorityRows.subList(0, Math.min(keep, minorityRows.size()));
            train.addAll(kept);
            int missing = (int) (majority - kept.size());
            MutableDataset<Label> real = dataset(train, "train split seed " + seed);
            MutableDataset<Label> testSet = dataset(test, "test split seed " + seed);

            record(results, "real only", score(real, testSet, minority, seed));
            MutableDataset<Label> oversampled = dataset(train, "oversampled");
            for (int i = 0; i < missing; i++) {
                oversampled.add(kept.get(random.nextInt(kept.size())));
            }
            record(results, "random oversampling", score(oversampled, testSet, minority, seed));
            for (String variant : variants) {
                MutableDataset<Label> augmented = withGanSamples(registry, variant, real, labelColumn, minority, missing, seed);
                record(results, variant + " samples", score(augmented, testSet, minority, seed));
            }
            out.printf("seed %d: train %d rows (%d %s), test %d rows; added %d minority rows%n", seed, train.size(), kept.size(), minority,
                    test.size(), missing);
            out.flush();
        }
        out.printf("%n| training data | %s recall | %s F1 | balanced accuracy |%n|---|---|---|---|%n", minority, minority);
        results.forEach((name, scores) -> out.printf("| %s | %s | %s | %s |%n", name,
                format(scores.stream().mapToDouble(Scores::recall).toArray()),
                format(scores.stream().mapToDouble(Scores::f1).toArray()),
                format(scores.stream().mapToDouble(Scores::balancedAccuracy).toArray())));
        out.printf("%n%s, %d seeds, minority '%s' at %.0f%% of the majority in training, GAN steps %d, logistic regression %d epochs%n",
                csv, seeds.size(), minority, ratio * 100, steps, epochs);
        out.flush();
        return 0;
    }

    /** Trains {@code variant} on the real training rows and returns them plus {@code count} generated minority rows. */
    private MutableDataset<Label> withGanSamples(PluginRegistry registry, String variant, MutableDataset<Label> real, String labelColumn,
            String minority, int count, long seed) throws IOException {
        TableEncoding encoding = TableEncoding.fit(real, labelColumn);
        TabularDataset data = new TabularDataset(real, encoding, real.getSourceDescription());
        Path dir = Files.createTempDirectory("gan4j-tabular");
        try (TrainedModel model = trained(registry, variant, data, seed, dir)) {
            Generator g = model.generator();
            int[] labels = new int[count];
            java.util.Arrays.fill(labels, encoding.classIndex(minority));
            float[] samples;
            try (NDManager m = DeviceChoice.newBaseManager()) {
                samples = Sampling.generate(g, labels, seed, m).toFloatArray();
            }
            GeneratedDataProvenance provenance = new GeneratedDataProvenance(variant, dir.toString(), "model", steps, seed,
                    Map.of(minority, count));
            return GeneratedExamples.augment(real, GeneratedExamples.toDataset(samples, labels, encoding, provenance));
        } finally {
            AtomicFiles.deleteRecursively(dir);
        }
    }

    private TrainedModel trained(PluginRegistry registry, String variant, TabularDataset data, long seed, Path dir) {
        BenchCommand.withoutPeriodicWork(RunBuilder.create(registry).setVariant(variant).optDataset(data).optSteps(steps).optSeed(seed))
                .setOutput(dir).build().train();
        return TrainedModel.load(registry, dir);
    }

    private Scores score(Dataset<Label> train, Dataset<Label> test, String minority, long seed) {
        Model<Label> model = TribuoClassifiers.standardized(TribuoClassifiers.logisticRegression(epochs, seed)).train(train);
        LabelEvaluation e = new LabelEvaluator().evaluate(model, test);
        Label positive = new Label(minority);
        return new Scores(e.recall(positive), e.f1(positive), 1 - e.balancedErrorRate());
    }

    private static MutableDataset<Label> dataset(List<Example<Label>> examples, String description) {
        return new MutableDataset<>(examples, new SimpleDataSourceProvenance(description, new LabelFactory()), new LabelFactory());
    }

    private static void record(Map<String, List<Scores>> results, String name, Scores scores) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(scores);
    }

    private static String format(double[] values) {
        MeanStd m = MeanStd.of(values);
        return String.format("%.3f ± %.3f", m.mean(), m.std());
    }
}
