package io.gan4j.models.anomaly;

import io.gan4j.core.engine.EngineCapability;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.model.TrainingFeature;
import io.gan4j.core.model.VariantContext;
import java.util.EnumSet;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Creates the anomaly detectors: {@code ganomaly}, {@code fanogan} and the {@code autoencoder}
 * baseline, all for DCGAN-sized images (28/32/64 px) of normal data.
 */
public final class AnomalyDetectorsFactory implements GanVariantFactory {

    private final String name;
    private final String description;
    private final List<OptionSpec> extraOptions;
    private final BiFunction<VariantContext, Options, GanVariant> create;

    private AnomalyDetectorsFactory(String name, String description, List<OptionSpec> extraOptions,
            BiFunction<VariantContext, Options, GanVariant> create) {
        this.name = name;
        this.description = description;
        this.extraOptions = extraOptions;
        this.create = create;
    }

    /** Returns the three factories. */
    public static List<GanVariantFactory> all() {
        return List.of(
                new AnomalyDetectorsFactory("ganomaly", "GANomaly (Akcay et al. 2018) anomaly detector: encoder-decoder-encoder G,"
                        + " score mean (z - z')^2; train on normal images only", List.of(
                        OptionSpec.real("w-adv", 1, 0, 1000, "weight of the feature-matching adversarial loss"),
                        OptionSpec.real("w-con", 50, 0, 1000, "weight of the L1 reconstruction loss"),
                        OptionSpec.real("w-enc", 1, 0, 1000, "weight of the latent (encoder) L2 loss")),
                        (ctx, o) -> new Ganomaly(ctx.sampleShape(), o.getInt("width"), o.getInt("latent"), ctx.loss(),
                                o.getDouble("w-adv"), o.getDouble("w-con"), o.getDouble("w-enc"))),
                new AnomalyDetectorsFactory("fanogan", "f-AnoGAN (Schlegl et al. 2019) anomaly detector: a DCGAN, then an izi_f"
                        + " encoder with G and D frozen; score image + kappa * feature residual", List.of(
                        OptionSpec.integer("gan-steps", -1, -1, Integer.MAX_VALUE, "steps of the GAN phase before the encoder's"
                                + " (-1: half the budget; 0: G and D come trained, gan train --init-from a dcgan run)"),
                        OptionSpec.real("kappa", 1, 0, 1000, "weight of the discriminator-feature residual")),
                        (ctx, o) -> new FAnoGan(ctx, o.getInt("width"), o.getInt("latent"), o.getInt("gan-steps"), o.getDouble("kappa"))),
                new AnomalyDetectorsFactory("autoencoder", "convolutional autoencoder baseline for anomaly detection: score"
                        + " reconstruction MSE; train on normal images only", List.of(),
                        (ctx, o) -> new Autoencoder(ctx.sampleShape(), o.getInt("width"), o.getInt("latent"))));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>(List.of(
                OptionSpec.integer("latent", 100, 1, 4096, "size of the latent vector z"),
                OptionSpec.integer("width", 64, 4, 1024, "channels of the first encoder/discriminator stage")));
        options.addAll(extraOptions);
        return options;
    }

    /** The decoders upsample with transposed convolutions. */
    @Override
    public Set<EngineCapability> requires() {
        return Set.of(EngineCapability.TRANSPOSED_CONVOLUTION);
    }

    /**
     * f-AnoGAN's GAN phase is a DCGAN step and runs the asked updates; GANomaly and the autoencoder
     * update each network once per step.
     */
    @Override
    public boolean takesUpdateCounts() {
        return name.equals("fanogan");
    }

    /** f-AnoGAN's GAN phase is an {@code AdversarialVariant} made from the run's context; GANomaly and the autoencoder honour none. */
    @Override
    public Set<TrainingFeature> honours() {
        return name.equals("fanogan") ? EnumSet.allOf(TrainingFeature.class) : Set.of();
    }

    @Override
    public GanVariant create(VariantContext ctx) {
        if (ctx.sampleShape().dimension() != 3) {
            throw new IllegalArgumentException(name + " needs images (C, H, W), got samples " + ctx.sampleShape());
        }
        return create.apply(ctx, ctx.options());
    }
}
