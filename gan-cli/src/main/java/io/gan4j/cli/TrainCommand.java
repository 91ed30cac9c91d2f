package io.gan4j.cli;

import io.gan4j.core.io.Json;
import io.gan4j.core.loss.TopK;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.run.GanRun;
import io.gan4j.core.run.StopOnShutdown;
import io.gan4j.core.run.RunBuilder;
import io.gan4j.core.train.RunDirectory;
import io.gan4j.core.train.TrainingSummary;
import io.gan4j.eval.monitor.StandardMonitors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gan train}: trains a variant, or resumes an interrupted run. It only turns options into
 * {@link RunBuilder} calls: flags override a {@code --config} file, which overrides the defaults.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a GAN variant into a run directory (run.json, metrics, samples, model/).",
            "Resume it with --resume DIR; repeat or vary it with --config FILE."})
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "VARIANT", description = "Variant plugin, e.g. dcgan (see 'gan list').")
    String variant;

    @Option(names = "--data", paramLabel = "SPEC",
            description = "Dataset spec NAME[:ARGUMENT] (default: " + RunBuilder.DEFAULT_DATA + ", the embedded MNIST test split).")
    String data;

    @Option(names = "--a", paramLabel = "SPEC", description = "Domain A of a translation variant (cyclegan, pix2pix), e.g. folder:horse2zebra/trainA.")
    String domainA;

    @Option(names = "--b", paramLabel = "SPEC", description = "Domain B of a translation variant, e.g. folder:horse2zebra/trainB.")
    String domainB;

    @ArgGroup(exclusive = true)
    Budget budget = new Budget();

    static final class Budget {
        @Option(names = "--steps", paramLabel = "N",
                description = "Training steps (default " + RunBuilder.DEFAULT_STEPS + "), each --d-steps discriminator updates, then --g-steps generator updates.")
        Long steps;

        @Option(names = "--epochs", paramLabel = "E", description = "Passes over the data (converted to steps).")
        Double epochs;
    }

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default: " + RunBuilder.DEFAULT_BATCH_SIZE + ").")
    Integer batch;

    @Option(names = "--loss", paramLabel = "NAME", description = "Adversarial loss plugin (default: the variant's, ns for most, lsgan for cyclegan).")
    String loss;

    @Option(names = "--d-steps", paramLabel = "N",
            description = "Discriminator updates per step (default: what the loss and penalty are meant for: 5 for wgan"
                    + " and wgan-gp, else 1; 1 for variants that update each network once per step).")
    Integer discriminatorSteps;

    @Option(names = "--g-steps", paramLabel = "N", description = "Generator updates per step, after the discriminator's, from the same noise (default: 1;"
                    + " PacGAN's Stacked MNIST runs use 2).")
    Integer generatorSteps;

    @Option(names = "--penalty", paramLabel = "NAME", description = "Discriminator gradient penalty: wgan-gp, r1, dragan (needs --engine pytorch; default: none).")
    String penalty;

    @Option(names = "--penalty-option", paramLabel = "NAME=VALUE", description = "Penalty option, e.g. weight=10.")
    Map<String, String> penaltyOptions = new LinkedHashMap<>();

    @Option(names = "--augment", paramLabel = "POLICIES", description = "DiffAugment policies applied to everything D sees: color,translation,cutout (default: none).")
    String augment;

    @Option(names = "--top-k", paramLabel = "NU", description = "Top-k generator updates (Sinha et al. 2020): G learns only from the generated samples D scores highest,"
                    + " a fraction that shrinks by --top-k-gamma per epoch down to NU, e.g. 0.5 (default: 1, off).")
    Double topKFraction;

    @Option(names = "--top-k-gamma", paramLabel = "GAMMA",
            description = "With --top-k, the factor by which the kept fraction shrinks per epoch (default: " + TopK.DEFAULT_GAMMA + ").")
    Double topKGamma;

    @Option(names = "--weight-clip", paramLabel = "C",
            description = "Clip the discriminator's weights to [-C, C] after each of its updates, WGAN's original critic constraint"
                    + " (Arjovsky et al. 2017: 0.01 with --loss wgan; default: 0, off).")
    Double weightClip;

    @Option(names = "--ema", paramLabel = "DECAY", description = "Keep a moving average of G's weights with this decay (e.g. 0.999) for samples, evaluation and model/"
                    + " (default: 0, off).")
    Double emaDecay;

    @Option(names = "--standing-samples", paramLabel = "N", description = "With --ema, measure the averaged G's batch-norm statistics from N samples at every sample grid and for"
                    + " model/ (default: 0, meaning 4000 for images and 50000 for vectors).")
    Integer standingSamples;

    @Option(names = "--clip-norm", paramLabel = "C", description = "Clip each network's gradients to this global L2 norm (default: 0, off).")
    Double clipNorm;

    @Option(names = "--lr", description = "Adam learning rate of every network (default: " + RunBuilder.DEFAULT_LEARNING_RATE + ").")
    Double learningRate;

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

    @Option(names = "--beta1", description = "Adam beta1 (default: " + RunBuilder.DEFAULT_BETA1 + ").")
    Double beta1;

    @Option(names = "--beta2", description = "Adam beta2 (default: " + RunBuilder.DEFAULT_BETA2 + ").")
    Double beta2;

    @Option(names = {"-o", "--option"}, paramLabel = "NAME=VALUE", description = "Variant option (see 'gan list').")
    Map<String, String> variantOptions = new LinkedHashMap<>();

    @Option(names = "--loss-option", paramLabel = "NAME=VALUE", description = "Loss option.")
    Map<String, String> lossOptions = new LinkedHashMap<>();

    @Option(names = "--seed", description = "Seed of every random stream (default: " + RunBuilder.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/VARIANT-TIMESTAMP).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its newest checkpoint (--steps may raise the budget).")
    Path resume;

    @Option(names = "--init-from", paramLabel = "RUN",
            description = "Start the networks this variant shares by name with a trained run from its weights, e.g. f-AnoGAN"
                    + " on a trained dcgan run (with -o gan-steps=0).")
    Path initFrom;

    @Option(names = "--sample-every", paramLabel = "N", description = "Steps between sample grids (default: " + RunBuilder.DEFAULT_SAMPLE_EVERY + "; 0: final only).")
    Integer sampleEvery;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Steps between checkpoints (default: " + RunBuilder.DEFAULT_CHECKPOINT_EVERY + "; 0: final only).")
    Integer checkpointEvery;

    @Option(names = "--keep", paramLabel = "N", description = "Checkpoints to keep (default: " + RunBuilder.DEFAULT_KEEP_CHECKPOINTS + ").")
    Integer keep;

    @Option(names = "--log-every", paramLabel = "N", description = "Steps per metrics-log line (default: " + RunBuilder.DEFAULT_LOG_EVERY + ").")
    Integer logEvery;

    @Option(names = "--eval-every", paramLabel = "N", description = "Steps between FID measurements; the best weights go to best/ (default: 0, off).")
    Integer evalEvery;

    @Option(names = "--eval-count", paramLabel = "N", description = "Samples per side for --eval-every (default: " + StandardMonitors.FID_COUNT + ").")
    Integer evalCount;

    @Option(names = "--eval-features", paramLabel = "NAME", description = "Feature network for --eval-every (default: lenet-mnist for 28x28 grey images, else pixels).")
    String evalFeatures;

    @Option(names = "--alarm-every", paramLabel = "N", description = "Steps between mode-collapse checks (sample diversity vs real; default: " + StandardMonitors.ALARM_EVERY + "; 0: off).")
    Integer alarmEvery;

    @Option(names = "--alarm-threshold", description = "Diversity ratio below which to warn (default: " + StandardMonitors.ALARM_THRESHOLD + ").")
    Double alarmThreshold;

    @Option(names = "--monitor-option", paramLabel = "MONITOR.OPTION=VALUE",
            description = "Option of a training monitor (see 'gan list'), e.g. fid.every=500.")
    Map<String, String> monitorOptions = new LinkedHashMap<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Take settings from a YAML or JSON file, or an earlier run's run.json; flags override them.")
    Path config;

    @Option(names = "--dry-run", description = "Print the resolved run (the run.json it would write) and stop; nothing is written.")
    boolean dryRun;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = plugins.registry();
        PrintWriter err = spec.commandLine().getErr();
        RunBuilder run = resume != null ? RunBuilder.resume(registry, resume) : RunBuilder.create(registry);
        if (config != null) {
            run.optConfig(config);
        }
        apply(run);
        run.optMessages(line -> {
            err.println(line);
            err.flush();
        });
        if (!dryRun) {
            run.optListener(new ProgressReporter(err, System.console() != null));
        }
        GanRun training = run.build();
        PrintWriter o = spec.commandLine().getOut();
        if (dryRun) {
            o.println(Json.text(training.record()));
            o.flush();
            return 0;
        }
        TrainingSummary summary = trainStoppingOnSignals(training, err);
        if (summary.interrupted()) {
            return 0;  // the JVM, shutting down on the signal, exits with 128 + its number
        }
        RunDirectory dir = new RunDirectory(training.directory());
        o.printf("run directory: %s%n  samples: %s%n  losses:  %s%n  metrics: %s%n", dir.root(), dir.samples().resolve("latest.png"),
                dir.lossChart(), dir.metricsLog());
        o.printf("  last losses: %s%n", summary.lastLosses());
        o.flush();
        return 0;
    }

    /**
     * Trains; on SIGINT (Ctrl-C) or SIGTERM the step under way finishes and a checkpoint is saved before
     * the JVM exits, so at most that step is lost and the run resumes exactly.
     */
    private static TrainingSummary trainStoppingOnSignals(GanRun training, PrintWriter err) {
        return StopOnShutdown.call("gan-train-shutdown", training::stop, () -> {
            TrainingSummary summary = training.train();
            if (summary.interrupted()) {
                // Said before the hook is released: the JVM halts as soon as the hook returns.
                RunDirectory dir = new RunDirectory(training.directory());
                err.printf("stopped at step %d of %d; checkpoint saved in %s; continue with: gan train --resume %s%n", summary.steps(),
                        training.spec().training().steps(), dir.checkpoints(), dir.root());
                err.flush();
            }
            return summary;
        });
    }

    /** Passes every option given on the command line to the builder; options not given leave the config's value or the default. */
    private void apply(RunBuilder run) {
        if (variant != null) {
            run.setVariant(variant);
        }
        if (domainA != null || domainB != null) {
            if (domainA == null || domainB == null || data != null) {
                throw new IllegalArgumentException("give both --a SPEC and --b SPEC (and no --data) to train on two domains");
            }
            run.optDomains(domainA, domainB);
        } else if (data != null) {
            run.optData(data);
        }
        if (budget.steps != null) {
            run.optSteps(budget.steps);
        }
        if (budget.epochs != null) {
            run.optEpochs(budget.epochs);
        }
        set(batch, run::optBatchSize);
        set(loss, run::optLoss);
        lossOptions.forEach(run::optLossOption);
        variantOptions.forEach(run::optVariantOption);
        set(discriminatorSteps, run::optDiscriminatorSteps);
        set(generatorSteps, run::optGeneratorSteps);
        set(penalty, run::optPenalty);
        penaltyOptions.forEach(run::optPenaltyOption);
        set(augment, run::optAugment);
        set(topKFraction, run::optTopK);
        set(topKGamma, run::optTopKGamma);
        set(weightClip, run::optWeightClip);
        set(emaDecay, run::optEmaDecay);
        set(standingSamples, run::optStandingSamples);
        set(clipNorm, run::optClipNorm);
        set(learningRate, run::optLearningRate);
        learningRates.forEach(run::optLearningRate);
        if (!frozen.isEmpty()) {
            run.optFrozen(frozen);
        }
        set(decaySteps, run::optDecaySteps);
        set(beta1, run::optBeta1);
        set(beta2, run::optBeta2);
        set(seed, run::optSeed);
        if (out != null) {
            run.setOutput(out);
        }
        if (initFrom != null) {
            run.optInitFrom(initFrom);
        }
        set(sampleEvery, run::optSampleEvery);
        set(checkpointEvery, run::optCheckpointEvery);
        set(keep, run::optKeepCheckpoints);
        set(logEvery, run::optLogEvery);
        monitor(StandardMonitors.FID, "every", evalEvery, run);
        monitor(StandardMonitors.FID, "count", evalCount, run);
        monitor(StandardMonitors.FID, "features", evalFeatures, run);
        monitor(StandardMonitors.COLLAPSE_ALARM, "every", alarmEvery, run);
        monitor(StandardMonitors.COLLAPSE_ALARM, "threshold", alarmThreshold, run);
        monitorOptions.forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new IllegalArgumentException("--monitor-option takes MONITOR.OPTION=VALUE, e.g. fid.every=500; got " + key + "=" + value);
            }
            run.optMonitorOption(key.substring(0, dot), key.substring(dot + 1), value);
        });
        set(plugins.engine, run::optEngine);
    }

    private static <T> void set(T value, java.util.function.Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static void monitor(String monitor, String option, Object value, RunBuilder run) {
        if (value != null) {
            run.optMonitorOption(monitor, option, String.valueOf(value));
        }
    }
}
