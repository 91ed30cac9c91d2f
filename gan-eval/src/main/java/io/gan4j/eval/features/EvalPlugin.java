package io.gan4j.eval.features;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.eval.FeatureNetworkFactory;
import io.gan4j.core.plugin.GanPlugin;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.eval.classifier.LenetWeights;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The built-in feature networks: {@code lenet-mnist}, {@code lenet-fashion}, {@code pixels}, {@code inception}. */
public final class EvalPlugin implements GanPlugin {

    /** Where the shipped LeNet weights live on the class path. */
    public static final String WEIGHTS = "/io/gan4j/eval/features/";

    @Override
    public List<FeatureNetworkFactory> featureNetworks() {
        return List.of(
                lenet("lenet-mnist", "LeNet trained on MNIST (train split): 128-d features, 10-class softmax"),
                lenet("lenet-fashion", "LeNet trained on Fashion-MNIST (train split): 128-d features, 10-class softmax"),
                FeatureNetworkFactory.of("pixels", "raw sample values as features (toy and tabular data)", List.of(),
                        (options, shape) -> new PixelFeatures(shape)),
                FeatureNetworkFactory.of("inception", "Inception-v3 pool3 (2048-d) from a model file you supply; pytorch-fid protocol",
                        List.of(OptionSpec.text("model", Path.of(System.getProperty("user.home"), ".gan4j", "models", "inception-fid.pt").toString(),
                                "the model file DJL loads")),
                        (options, shape) -> InceptionFeatures.load(Path.of(options.getString("model")), shape)));
    }

    private static FeatureNetworkFactory lenet(String name, String description) {
        List<OptionSpec> options = List.of(OptionSpec.text("weights", "",
                "weights file from 'gan eval train-classifier' (.npz) instead of the shipped ones"));
        return FeatureNetworkFactory.of(name, description, options, (chosen, shape) -> {
            if (!shape.equals(new Shape(1, 28, 28))) {
                throw new IllegalArgumentException(name + " measures 28x28 grey images (1, 28, 28), got " + shape);
            }
            String file = chosen.getString("weights");
            return new LenetFeatureNetwork(name, file.isEmpty() ? LenetWeights.load(resource(name + ".npz"), name, shape)
                    : LenetWeights.load(read(Path.of(file)), file, shape));
        });
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read classifier weights " + file + ": " + e.getMessage());
        }
    }

    private static byte[] resource(String file) {
        try (InputStream in = EvalPlugin.class.getResourceAsStream(WEIGHTS + file)) {
            if (in == null) {
                throw new IllegalStateException("weights resource missing: " + WEIGHTS + file + " (see docs/evaluation.md, Feature networks)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
