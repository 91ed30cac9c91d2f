package io.gan4j.models.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.NormalInitializer;
import io.gan4j.models.dcgan.DcganLayout;
import io.gan4j.models.dcgan.DcganNetworks;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The networks the anomaly detectors share, all DCGAN-shaped (as GANomaly's and f-AnoGAN's are): an
 * encoder (the DCGAN discriminator's convolutional trunk, then a linear map to the latent vector),
 * the DCGAN generator as decoder, and a DCGAN discriminator whose trunk gives the features that
 * feature matching and f-AnoGAN's residual compare.
 */
final class AnomalyNetworks {

    private AnomalyNetworks() {}

    /** Returns an encoder from images of {@code shape} to latent vectors of size {@code latent}. */
    static Block encoder(Shape shape, int width, int latent) {
        SequentialBlock e = DcganNetworks.discriminatorTrunk(DcganLayout.natural(shape), width, false, true).add(Linear.builder().setUnits(latent).build());
        e.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        return e;
    }

    /** Returns a decoder from latent vectors to images of {@code shape}. */
    static Block decoder(Shape shape, int width) {
        return DcganNetworks.generatorBlock(DcganLayout.natural(shape), width, 0);
    }

    /** Returns a discriminator, DCGAN's layer for layer (so a trained dcgan run's can be loaded): its last child is the linear output. */
    static SequentialBlock discriminator(Shape shape, int width) {
        return DcganNetworks.discriminatorBlock(DcganLayout.natural(shape), width);
    }

    /** Returns the features of {@code x} under a {@link #discriminator}: its output before the last (linear) layer. */
    static NDArray features(SequentialBlock discriminator, NDArray x, BiFunction<Block, NDArray, NDArray> forward) {
        List<Block> layers = discriminator.getChildren().values();
        NDArray h = x;
        for (Block layer : layers.subList(0, layers.size() - 1)) {
            h = forward.apply(layer, h);
        }
        return h;
    }

    /** Returns the per-sample mean of squares of {@code x − y} over all but the batch axis: (N). */
    static NDArray meanSquare(NDArray x, NDArray y) {
        return x.sub(y).square().reshape(x.getShape().get(0), -1).mean(new int[] {1});
    }
}
