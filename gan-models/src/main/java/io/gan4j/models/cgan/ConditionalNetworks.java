package io.gan4j.models.cgan;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import io.gan4j.core.layer.LabelConcat;
import io.gan4j.core.layer.ProjectionOutput;
import io.gan4j.core.layer.WithLabels;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import io.gan4j.models.dcgan.DcganLayout;
import io.gan4j.models.dcgan.DcganNetworks;
import io.gan4j.models.mlp.MlpNetworks;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ConditionalNetworks} builds class-conditional generators and discriminators: DCGAN
 * networks for images (C, S, S) and {@link MlpNetworks} for vectors (F), with the conditioning the
 * options choose. Shared by {@code cgan} and {@code acgan}.
 */
final class ConditionalNetworks {

    static final String G_CONDITIONING = "g-conditioning";

    private ConditionalNetworks() {}

    /** Returns the options every conditional variant has. */
    static List<OptionSpec> commonOptions() {
        List<OptionSpec> options = new ArrayList<>(List.of(
                OptionSpec.integer("latent", 100, 1, 4096, "size of the latent vector z"),
                OptionSpec.integer("width", 64, 4, 1024, "images: channels of the first D / last G stage (DCGAN)")));
        options.addAll(DcganLayout.options());
        options.addAll(List.of(
                OptionSpec.integer("hidden", 256, 4, 8192, "vectors: units of each MLP hidden layer"),
                OptionSpec.choice(G_CONDITIONING, "concat", "how G sees the class: concat (embedding appended to z) "
                        + "or cbn (conditional batch norm)", "concat", "cbn"),
                OptionSpec.integer("embedding", 10, 1, 1024, "size of G's class embedding with g-conditioning=concat")));
        return options;
    }

    /** Returns the number of classes, or throws when the data is unlabelled. */
    static int classes(String variant, VariantContext ctx) {
        if (ctx.numClasses() < 2) {
            throw new IllegalArgumentException("variant '" + variant + "' needs labelled data with at least 2 classes "
                    + "(mnist, idx:IMAGES,LABELS, folder:DIR with class subdirectories, csv:FILE), got "
                    + ctx.numClasses() + " classes");
        }
        return ctx.numClasses();
    }

    static boolean isImage(Shape sampleShape) {
        return sampleShape.dimension() == 3;
    }

    /** Returns the conditional generator the options describe. */
    static Generator generator(VariantContext ctx, int numClasses) {
        Options o = ctx.options();
        Shape shape = ctx.sampleShape();
        boolean cbn = o.getString(G_CONDITIONING).equals("cbn");
        int cbnClasses = cbn ? numClasses : 0;
        SequentialBlock body = isImage(shape)
                ? DcganNetworks.generatorBlock(DcganLayout.of(shape, o), o.getInt("width"), cbnClasses)
                : MlpNetworks.generatorBlock(shape, o.getInt("hidden"), cbnClasses);
        Block block = cbn ? body : new SequentialBlock().add(new LabelConcat(numClasses, o.getInt("embedding"))).add(body);
        return Generator.conditional(block, new Shape(o.getInt("latent")), shape, numClasses);
    }

    /** Returns the discriminator's trunk: samples to flat features (no batch norms under a gradient penalty). */
    static SequentialBlock trunk(VariantContext ctx) {
        return isImage(ctx.sampleShape())
                ? DcganNetworks.discriminatorTrunk(DcganLayout.of(ctx.sampleShape(), ctx.options()), ctx.options().getInt("width"), false,
                        DcganNetworks.criticBatchNorm(ctx, false))
                : MlpNetworks.discriminatorTrunk(ctx.options().getInt("hidden"), false);
    }

    /** Returns a projection discriminator (Miyato &amp; Koyama 2018). */
    static Discriminator projection(VariantContext ctx, int numClasses) {
        SequentialBlock d = new SequentialBlock().add(WithLabels.of(trunk(ctx))).add(new ProjectionOutput(numClasses));
        initializeOutputs(d, ctx);
        return Discriminator.conditional(d, ctx.sampleShape(), numClasses);
    }

    /** Returns a discriminator that sees the label as extra one-hot input channels / features. */
    static Discriminator concatenation(VariantContext ctx, int numClasses) {
        SequentialBlock d = new SequentialBlock().add(new LabelConcat(numClasses, 0)).add(trunk(ctx))
                .add(Linear.builder().setUnits(1).build());
        initializeOutputs(d, ctx);
        return Discriminator.conditional(d, ctx.sampleShape(), numClasses);
    }

    /** Returns an unconditional discriminator with two outputs: the logit (N, 1) and class logits (N, K). */
    static Discriminator auxiliaryClassifier(VariantContext ctx, int numClasses) {
        ParallelBlock heads = new ParallelBlock(
                outputs -> new NDList(outputs.get(0).singletonOrThrow(), outputs.get(1).singletonOrThrow()),
                List.of(Linear.builder().setUnits(1).build(), Linear.builder().setUnits(numClasses).build()));
        SequentialBlock d = new SequentialBlock().add(trunk(ctx)).add(heads);
        initializeOutputs(d, ctx);
        return Discriminator.of(d, ctx.sampleShape());
    }

    /** Output layers start like the trunk: N(0, 0.02) for images (DCGAN), PyTorch's default for MLPs. */
    private static void initializeOutputs(SequentialBlock d, VariantContext ctx) {
        Initializer init = isImage(ctx.sampleShape()) ? new NormalInitializer(0.02f) : MlpNetworks.initializer();
        d.setInitializer(init, Parameter.Type.WEIGHT);
    }
}
