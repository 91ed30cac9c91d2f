package io.gan4j.cli;

import ai.djl.ndarray.types.Shape;
import io.gan4j.data.tabular.TableEncoding;
import io.gan4j.data.tabular.TabularDataset;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.event.MetricsLog;
import io.gan4j.core.io.Json;
import io.gan4j.core.loss.TopK;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.config.AdamConfig;
import io.gan4j.core.train.GanTrainer;
import io.gan4j.core.config.Regularization;
import io.gan4j.core.train.RunDirectory;
import io.gan4j.core.config.RunRecord;
import io.gan4j.core.config.RunSpec;
import io.gan4j.core.config.TrainingConfig;
import io.gan4j.core.train.TrainingSummary;
import io.gan4j.eval.monitor.ModeCollapseAlarm;
import io.gan4j.eval.monitor.PeriodicEvaluation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gan train}: trains a variant, or resumes an interrupted run. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a GAN variant and write a run directory: run.json, metrics.jsonl, loss.png,",
            "samples/*.png, checkpoints/ and model/. Resume an interrupted run with --resume DIR."})
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "VARIANT", description = "Variant plugin, e.g. dcgan (see 'gan list').")
    String variant;

    @Option(names = "--data", paramLabel = "SPEC",
            description = "Dataset spec NAME[:ARGUMENT] (default: mnist, the embedded MNIST test split).")
    String data;

    @Option(names = "--a", paramLabel = "SPEC", description = "Domain A of a translation variant (cyclegan), e.g. folder:horse2zebra/trainA.")
    String domainA;

    @Option(names = "--b", paramLabel = "SPEC", description = "Domain B of a translation variant, e.g. folder:horse2zebra/trainB.")
    String domainB;

    @ArgGroup(exclusive = true)
    Budget budget = new Budget();

    static final class Budget {
        @Option(names = "--steps", paramLabel = "N",
                description = "Training steps (default 1500), each --d-steps discriminator updates, then --g-steps generator updates.")
        Long steps;

        @Option(names = "--epochs", paramLabel = "E", description = "Passes over the data (converted to steps).")
        Double epochs;
    }

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--loss", paramLabel = "NAME", description = "Adversarial loss plugin (default: the variant's, ns for most, lsgan for cyclegan).")
    String loss;

    @Option(names = "--d-steps", paramLabel = "N",
            description = "Discriminator updates per step (default: what the loss and penalty are meant for: 5 for wgan"
                    + " and wgan-gp, else 1; 1 for variants that update each network once per step).")
    Integer discriminatorSteps;

    @Option(names = "--g-steps", paramLabel = "N", defaultValue = "1",
            description = "Generator updates per step, after the discriminator's, from the same noise (default: ${DEFAULT-VALUE};"
                    + " PacGAN's Stacked MNIST runs use 2).")
    int generatorSteps;

    @Option(names = "--penalty", paramLabel = "NAME", defaultValue = Regularization.NO_PENALTY,
            description = "Discriminator gradient penalty: wgan-gp, r1, dragan (needs --engine pytorch; default: ${DEFAULT-VALUE}).")
    String penalty;

    @Option(names = "--penalty-option", paramLabel = "NAME=VALUE", description = "Penalty option, e.g. weight=10.")
    Map<String, String> penaltyOptions = new LinkedHashMap<>();

    @Option(names = "--augment", paramLabel = "POLICIES", defaultValue = "",
            description = "DiffAugment policies applied to everything D sees: color,translation,cutout (default: none).")
    String augment;

    @Option(names = "--top-k", paramLabel = "NU", defaultValue = "1",
            description = "Top-k generator updates (Sinha et al. 2020): G learns only from the generated samples D scores highest,"
                    + " a fraction that shrinks by --top-k-gamma per epoch down to NU, e.g. 0.5 (default: ${DEFAULT-VALUE}, off).")
    double topKFraction;

    @Option(names = "--top-k-gamma", paramLabel = "GAMMA", defaultValue = "" + TopK.DEFAULT_GAMMA,
            description = "With --top-k, the factor by which the kept fraction shrinks per epoch (default: ${DEFAULT-VALUE}).")
    double topKGamma;

    @Option(names = "--ema", paramLabel = "DECAY", defaultValue = "0",
            description = "Keep a moving average of G's weights with this decay (e.g. 0.999) for samples, evaluation and model/"
                    + " (default: ${DEFAULT-VALUE}, off).")
    double emaDecay;

    @Option(names = "--standing-samples", paramLabel = "N", defaultValue = "0",
            description = "With --ema, measure the averaged G's batch-norm statistics from N samples at every sample grid and for"
                    + " model/ (default: 0, meaning 4000 for images and 50000 for vectors).")
    int standingSamples;

    @Option(names = "--clip-norm", paramLabel = "C", defaultValue = "0",
            description = "Clip each network's gradients to this global L2 norm (default: ${DEFAULT-VALUE}, off).")
    double clipNorm;

    @Option(names = "--lr", defaultValue = "2e-4", description = "Adam learning rate of every network (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--lr-for", paramLabel = "GROUP=LR", description = "Learning rate of one optimizer group, e.g. discriminator=4e-4 (TTUR).")
    Map<String, Double> learningRates = new LinkedHashMap<>();

    @Option(names = "--freeze", split = ",", paramLabel = "GROUP",
            description = "Optimizer groups to leave as they are, e.g. generator: with --init-from, fine-tunes D against the fixed G"
                    + " (sampled in inference mode), as discriminator rejection sampling (gan eval --drs) wants.")
    Set<String> frozen = new LinkedHashSet<>();

    @Option(names = "--lr-decay-steps", paramLabel = "N",
            description = "Decay learning rates linearly towards 0 over the last N steps (default: the variant's; cyclegan: the second"
                    + " half of the budget; others: none).")
    Long decaySteps;

    @Option(names = "--beta1", defaultValue = "0.5", description = "Adam beta1 (default: ${DEFAULT-VALUE}).")
    double beta1;

    @Option(names = "--beta2", defaultValue = "0.999", description = "Adam beta2 (default: ${DEFAULT-VALUE}).")
    double beta2;

    @Option(names = {"-o", "--option"}, paramLabel = "NAME=VALUE", description = "Variant option (see 'gan list').")
    Map<String, String> variantOptions = new LinkedHashMap<>();

    @Option(names = "--loss-option", paramLabel = "NAME=VALUE", description = "Loss option.")
    Map<String, String> lossOptions = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random stream (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/VARIANT-TIMESTAMP).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its newest checkpoint (--steps may raise the budget).")
    Path resume;

    @Option(names = "--init-from", paramLabel = "RUN",
            description = "Start the networks this variant shares by name with a trained run from its weights, e.g. f-AnoGAN"
                    + " on a trained dcgan run (with -o gan-steps=0).")
    Path initFrom;

    @Option(names = "--sample-every", paramLabel = "N", defaultValue = "250", description = "Steps between sample grids (default: ${DEFAULT-VALUE}; 0: final only).")
    int sampleEvery;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "500", description = "Steps between checkpoints (default: ${DEFAULT-VALUE}; 0: final only).")
    int checkpointEvery;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "3", description = "Checkpoints to keep (default: ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--log-every", paramLabel = "N", defaultValue = "10", description = "Steps per metrics-log line (default: ${DEFAULT-VALUE}).")
    int logEvery;

    @Option(names = "--eval-every", paramLabel = "N", defaultValue = "0",
            description = "Steps between FID measurements; the best weights go to best/ (default: ${DEFAULT-VALUE}, off).")
    int evalEvery;

    @Option(names = "--eval-count", paramLabel = "N", defaultValue = "2000", description = "Samples per side for --eval-every (default: ${DEFAULT-VALUE}).")
    int evalCount;

    @Option(names = "--eval-features", paramLabel = "NAME", description = "Feature network for --eval-every (default: lenet-mnist for 28x28 grey images, else pixels).")
    String evalFeatures;

    @Option(names = "--alarm-every", paramLabel = "N", defaultValue = "250",
            description = "Steps between mode-collapse checks (sample diversity vs real; default: ${DEFAULT-VALUE}; 0: off).")
    int alarmEvery;

    @Option(names = "--alarm-threshold", defaultValue = "0.5", description = "Diversity ratio below which to warn (default: ${DEFAULT-VALUE}).")
    double alarmThreshold;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = plugins.registry();
        RunSpec run;
        Path dir;
        if (resume != null) {
            dir = resume;
            RunRecord record = Json.read(new RunDirectory(dir).runFile(), RunRecord.class);
            run = record.spec();
            if (budget.steps != null) {
                run = run.withTraining(run.training().withSteps(budget.steps));
            }
        } else {
            if (variant == null) {
                throw new IllegalArgumentException("missing VARIANT (e.g. 'gan train dcgan'); see 'gan list'");
            }
            dir = out != null ? out : Path.of("runs", variant + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            if (Files.exists(new RunDirectory(dir).runFile())) {
                throw new IllegalArgumentException("run directory " + dir + " already holds a run; continue it with --resume " + dir
                        + " or choose another --out");
            }
            run = null;
        }
        String dataSpec = run == null ? dataSpec() : run.data();
        Dataset dataset = registry.openDataset(dataSpec, run == null ? seed : run.training().seed());
        if (run == null) {
            GanVariantFactory factory = registry.variant(variant);
            String lossName = loss != null ? loss : factory.defaultLoss();
            int dSteps = discriminatorSteps != null ? discriminatorSteps : registry.discriminatorSteps(variant, lossName, penalty);
            if (generatorSteps < 1) {
                throw new IllegalArgumentException("--g-steps must be >= 1, was " + generatorSteps);
            }
            TopK topK;
            try {
                topK = new TopK(topKFraction, topKGamma);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--top-k / --top-k-gamma: " + e.getMessage());
            }
            TrainingConfig training = new TrainingConfig(1, batch, dSteps, seed, new AdamConfig(learningRate, beta1, beta2, 1e-8, clipNorm),
                    learningRates, logEvery, sampleEvery, checkpointEvery, keep, emaDecay);
            long steps = steps(dataset, training);
            long decay = decaySteps != null ? decaySteps : Math.round(steps * factory.learningRateDecayFraction());
            if (decay < 0 || decay > steps) {
                throw new IllegalArgumentException("--lr-decay-steps must be in 0.." + steps + " (the budget), was " + decay);
            }
            run = new RunSpec(variant, variantOptions, lossName, lossOptions, dataSpec, training.withSteps(steps).withDecaySteps(decay)
                    .withStandingSamples(standingSamples).withGeneratorSteps(generatorSteps).withFrozen(frozen),
                    new Regularization(penalty, penaltyOptions, augment, topK), initFrom == null ? null : initFrom.toString());
            if (initFrom != null && !Files.isRegularFile(new RunDirectory(initFrom).runFile())) {
                throw new IllegalArgumentException("--init-from " + initFrom + " is not a run directory (no run.json)");
            }
        }
        registry.checkTrainable(run);
        GanVariant gan = registry.createVariant(run, dataset);
        if (dataset instanceof TabularDataset table) {
            // Kept with the run so generated vectors can be turned back into rows in original units.
            table.encoding().write(dir.resolve(TableEncoding.FILE));
        }
        PrintWriter err = spec.commandLine().getErr();
        RunDirectory runDirectory = new RunDirectory(dir);
        String features = evalFeatures != null ? evalFeatures
                : dataset.sampleShape().equals(new Shape(1, 28, 28)) ? "lenet-mnist" : "pixels";
        try (GanTrainer trainer = new GanTrainer(run, gan, dataset, dir);
                MetricsLog log = new MetricsLog(runDirectory.metricsLog(), runDirectory.lossChart(), run.training().logEvery());
                FeatureNetwork network = evalEvery > 0 ? registry.createFeatureNetwork(features, Map.of(), dataset.sampleShape()) : null) {
            Consumer<String> line = text -> {
                err.println(text);
                err.flush();
            };
            if (alarmEvery > 0 && gan.generator().isPresent()) {
                trainer.addListener(new ModeCollapseAlarm(trainer, dataset, alarmEvery, alarmThreshold, line));
            }
            if (network != null) {
                trainer.addListener(new PeriodicEvaluation(trainer, network, dataset, evalEvery, evalCount, line));
            }
            trainer.addListener(log).addListener(new ProgressReporter(err, System.console() != null));
            TrainingSummary summary = trainer.train();
            PrintWriter o = spec.commandLine().getOut();
            o.printf("run directory: %s%n  samples: %s%n  losses:  %s%n  metrics: %s%n", dir, runDirectory.samples().resolve("latest.png"),
                    runDirectory.lossChart(), runDirectory.metricsLog());
            o.printf("  last losses: %s%n", summary.lastLosses());
            o.flush();
        }
        return 0;
    }

    /** Returns the data spec: --data, or the pair --a/--b as unpaired domains, or the embedded MNIST. */
    private String dataSpec() {
        if (domainA != null || domainB != null) {
            if (domainA == null || domainB == null || data != null) {
                throw new IllegalArgumentException("give both --a SPEC and --b SPEC (and no --data) to train on two domains");
            }
            return "unpaired:" + domainA + "|" + domainB;
        }
        return data != null ? data : "mnist";
    }

    private long steps(Dataset dataset, TrainingConfig training) {
        if (budget.epochs != null) {
            if (!(budget.epochs > 0)) {
                throw new IllegalArgumentException("--epochs must be > 0, was " + budget.epochs);
            }
            long perEpoch = Math.max(1, dataset.size() / ((long) training.batchSize() * training.discriminatorSteps()));
            return Math.max(1, (long) Math.ceil(budget.epochs * perEpoch));
        }
        return budget.steps != null ? budget.steps : 1500;
    }
}
