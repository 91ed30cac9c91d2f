package io.gan4j.examples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.gan4j.core.event.TrainingEvent;
import io.gan4j.core.inject.Plugins;
import io.gan4j.core.loss.StandardLoss;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.GanRun;
import io.gan4j.core.run.RunBuilder;
import io.gan4j.core.run.TrainedModel;
import io.gan4j.core.train.Sampling;
import io.gan4j.data.idx.IdxDatasets;
import io.gan4j.data.image.ImageTensorDataset;
import io.gan4j.data.tabular.CsvTables;
import io.gan4j.data.tabular.GeneratedDataProvenance;
import io.gan4j.data.tabular.GeneratedExamples;
import io.gan4j.data.tabular.TableEncoding;
import io.gan4j.data.tabular.TabularDataset;
import io.gan4j.core.config.RunConfig;
import io.gan4j.core.config.RunConfigFile;
import io.gan4j.eval.html.RunReport;
import io.gan4j.eval.mmd.Mmd;
import io.gan4j.eval.run.GeneratorEvaluation;
import io.gan4j.eval.fid.FrechetDistance;
import io.gan4j.eval.fid.GaussianStatistics;
import io.gan4j.eval.shards.DatasetStatistics;
import io.gan4j.eval.shards.ShardedGeneration;
import io.gan4j.eval.spark.SparkConnection;
import io.gan4j.eval.spark.SparkGeneration;
import io.gan4j.eval.spark.SparkStatistics;
import io.gan4j.eval.sweep.Sweep;
import io.gan4j.eval.sweep.SweepRunner;
import io.gan4j.eval.sweep.SweepSummary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * The examples of {@code docs/library.md}, compiled and run by the tests ({@code DocsExamplesTest}).
 * The regions between {@code // snippet NAME} and {@code // end NAME} are what the page shows.
 */
public final class LibraryExamples {

    private LibraryExamples() {}

    /** Trains a toy GAN with a listener of training events, and returns the run's resolved settings. */
    public static String listen(Path dir) {
        PluginRegistry plugins = Plugins.discover(null);
        // snippet listen
        GanRun run = RunBuilder.create(plugins)
                .setVariant("gan").optData("ring8").optSteps(200).optLoss("hinge")
                .optListener(event -> {
                    if (event instanceof TrainingEvent.StepCompleted step && step.step() % 50 == 0) {
                        System.out.println(step.step() + ": " + step.losses());
                    }
                })
                .setOutput(dir)
                .build();                              // every check runs here, before anything is written
        System.out.println(run.spec());                // the resolved run: what run.json will hold
        run.train();
        // end listen
        return run.spec().toString();
    }

    /** Sweeps two losses over two seeds of a toy GAN, then reports on the runs; returns the summary. */
    public static SweepSummary sweep(Path dir) {
        PluginRegistry plugins = Plugins.discover(null);
        // snippet sweep
        RunConfig base = RunConfigFile.withSettings(RunConfig.EMPTY,
                Map.of("variant", "gan", "data", "ring8", "training.steps", 200), "base");
        Sweep sweep = Sweep.builder(base)
                .optGrid("loss", "ns", "hinge")          // every combination of the axes
                .optGrid("training.seed", 0, 1)
                .optEvaluation(GeneratorEvaluation.Settings.defaults(500, 0))
                .build();                                // every point's config is checked here
        SweepSummary summary = new SweepRunner(plugins, sweep, dir)
                .optMessages(System.out::println)
                .run();                                    // skips finished points; writes summary.* and report/
        summary.groups().forEach(g -> System.out.println(g.settings() + ": " + g.values().get("fid")));
        // a report of any runs, e.g. two points only
        RunReport.of(List.of(dir.resolve("runs/loss=ns,seed=0"), dir.resolve("runs/loss=hinge,seed=0")))
                .write(dir.resolve("ns-vs-hinge"));
        // end sweep
        return summary;
    }

    /** Trains a conditional GAN on a Tribuo dataset and returns the real rows plus 50 generated rows of class 1. */
    public static MutableDataset<Label> tribuo(Path csv, Path dir) {
        PluginRegistry plugins = Plugins.discover(null);
        // snippet tribuo
        MutableDataset<Label> table = CsvTables.load(csv, "diagnosis");           // a Tribuo dataset
        TabularDataset data = new TabularDataset(table, TableEncoding.fit(table, "diagnosis"), csv.toString());
        RunBuilder.create(plugins).setVariant("cgan").optDataset(data).optSteps(300).setOutput(dir).build().train();

        try (TrainedModel model = TrainedModel.load(plugins, dir)) {
            int[] labels = new int[50];
            Arrays.fill(labels, 1);                                               // 50 rows of class 1
            float[] rows = Sampling.generate(model.generator(), labels, 7, model.manager()).toFloatArray();
            String className = data.encoding().classes().get(1);
            GeneratedDataProvenance made = new GeneratedDataProvenance("cgan", dir.toString(), "model", model.step(), 7,
                    Map.of(className, labels.length));
            MutableDataset<Label> generated = GeneratedExamples.toDataset(rows, labels, data.encoding(), made);
            return GeneratedExamples.augment(table, generated);                  // real rows, then generated ones
        }
        // end tribuo
    }

    /** Uses one piece of each library module alone; returns the MMD² of two slices of the embedded digits. */
    public static double alone(Path images, Path labels) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray realLogits = manager.create(new float[] {2f, 1f});
            NDArray fakeLogits = manager.create(new float[] {-1f, 0.5f});
            // snippet alone
            // gan-core: losses are pure functions of logits
            NDArray dLoss = StandardLoss.HINGE.discriminatorLoss(realLogits, fakeLogits);

            // gan-data: IDX files (raw or .gz) from any path
            ImageTensorDataset digits = IdxDatasets.open(images, labels);

            // gan-eval: unbiased MMD² with a Gaussian kernel (median-heuristic bandwidth)
            float[][] x = rows(digits, 0, 200);
            float[][] y = rows(digits, 200, 400);
            double mmd = Mmd.gaussian(x, y, Mmd.medianDistance(x, y));
            // end alone
            if (!(dLoss.getFloat() >= 0)) {
                throw new IllegalStateException("a hinge loss is never negative");
            }
            return mmd;
        }
    }

    private static float[][] rows(ImageTensorDataset data, int from, int to) {
        int width = (int) data.sampleShape().size();
        float[][] out = new float[to - from][width];
        for (int i = from; i < to; i++) {
            data.read(i, out[i - from], 0);
        }
        return out;
    }

    /**
     * On Spark: a run's samples as shards with their statistics, a data set's reference statistics, and
     * the FID between them; returns the FID.
     */
    public static double spark(Path run, Path dir) {
        // snippet spark
        try (SparkConnection spark = SparkConnection.open("local[2]", "my app")) {  // null master under spark-submit
            ShardedGeneration.Result samples = SparkGeneration.run(spark,
                    ShardedGeneration.Settings.of(run, 5_000, 0, dir.resolve("shards"))
                            .withShardSize(1_000)
                            .withFeatures("lenet-mnist", Map.of()),    // also the samples' statistics
                    0, System.out::println);                            // 0: one task per slot
            GaussianStatistics real = SparkStatistics.compute(spark,
                    DatasetStatistics.Settings.of("mnist", 10_000, "lenet-mnist"), 0, System.out::println);
            real.save(dir.resolve("mnist.npz"));                        // pytorch-fid's format
            return FrechetDistance.compute(real, samples.statistics().orElseThrow());
        }
        // end spark
    }
}
