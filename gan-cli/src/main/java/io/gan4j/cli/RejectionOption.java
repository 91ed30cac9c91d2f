package io.gan4j.cli;

import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.plugin.PluginRegistry;
import io.gan4j.core.train.DiscriminatorRejection;
import io.gan4j.core.config.RunSpec;
import io.gan4j.core.train.Seeds;
import io.gan4j.core.run.TrainedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --drs} option of {@code gan sample} and {@code gan eval}: discriminator rejection sampling of a run. */
final class RejectionOption {

    @Option(names = "--drs", arity = "0..1", fallbackValue = "80", paramLabel = "PERCENTILE",
            description = "Draw the run's samples by discriminator rejection sampling (Azadi et al. 2019), γ at this percentile"
                    + " (default when given: ${FALLBACK-VALUE}); needs a discriminator trained with the ns or minimax loss.")
    Double percentile;

    /**
     * Returns the rejection sampler of {@code model} when {@code --drs} was given, after reporting its
     * calibration on {@code err}.
     *
     * @throws IllegalArgumentException when the run's loss gives no density-ratio estimate
     */
    Optional<DiscriminatorRejection> create(PluginRegistry registry, TrainedModel model, Path run, long seed, PrintWriter err) {
        if (percentile == null) {
            return Optional.empty();
        }
        RunSpec spec = model.record().spec();
        if (!registry.createTrainedLoss(spec).logitEstimatesLogDensityRatio()) {
            throw new IllegalArgumentException("--drs needs a discriminator whose logit estimates log p_data/p_G (e.g. loss ns);"
                    + " run " + run + " was trained with loss '" + spec.loss() + "'");
        }
        if (spec.training().emaDecay() > 0 && !spec.training().frozen().contains(AdversarialVariant.GENERATOR)) {
            err.printf("note: run %s samples from its generator weight average, which its discriminator was not trained against;"
                    + " fine-tune D first (gan train ... --init-from %s --freeze generator)%n", run, run);
        }
        DiscriminatorRejection rejection = DiscriminatorRejection.calibrate(model.generator(), model.discriminator(),
                DiscriminatorRejection.CALIBRATION_SAMPLES, percentile, model.record().classCounts(), Seeds.mix(seed, Seeds.REJECTION),
                model.manager());
        err.printf("rejection sampling%s: max logit %.3f, gamma %.3f, expected acceptance %.3f%n", packs(rejection),
                rejection.maxLogit(), rejection.gamma(), rejection.acceptance());
        err.flush();
        return Optional.of(rejection);
    }

    /** Returns how a report names the sampling, e.g. "DRS (percentile 80.0, acceptance 0.359)". */
    String describe(DiscriminatorRejection rejection) {
        return String.format("DRS%s (percentile %s, acceptance %.3f)", packs(rejection), percentile, rejection.acceptance());
    }

    private static String packs(DiscriminatorRejection rejection) {
        return rejection.packSize() == 1 ? "" : " of packs of " + rejection.packSize();
    }
}
