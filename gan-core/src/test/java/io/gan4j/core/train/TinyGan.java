package io.gan4j.core.train;

import io.gan4j.core.config.AdamConfig;
import io.gan4j.core.config.TrainingConfig;
import io.gan4j.core.config.RunSpec;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.gan4j.core.augment.DiffAugment;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.layer.BatchNorm;
import io.gan4j.core.loss.StandardLoss;
import io.gan4j.core.loss.TopK;
import io.gan4j.core.model.AdversarialVariant;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.Generator;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.Options;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** A small MLP GAN on a 2-D Gaussian blob, to test the loop without any model or data module. */
final class TinyGan {

    private TinyGan() {}

    static AdversarialVariant variant() {
        return variant(TopK.NONE);
    }

    static AdversarialVariant variant(TopK topK) {
        Generator g = Generator.of(new SequentialBlock()
                .add(Linear.builder().setUnits(16).build()).add(new BatchNorm()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(2).build()), new Shape(4), new Shape(2));
        Discriminator d = Discriminator.of(new SequentialBlock()
                .add(Linear.builder().setUnits(16).build()).add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(1).build()), new Shape(2));
        return new AdversarialVariant(g, d, new VariantContext(Options.resolve("tiny", List.of(), Map.of()), new Shape(2), 0,
                StandardLoss.NON_SATURATING, Optional.empty(), DiffAugment.NONE, topK));
    }

    /** Points of N((−3, 2), 0.1²). */
    static Dataset blob(int n) {
        SplittableRandom r = new SplittableRandom(3);
        float[] xy = new float[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            xy[i] = (float) ((i % 2 == 0 ? -3.0 : 2.0) + 0.1 * r.nextGaussian());
        }
        return new Dataset() {
            @Override
            public String description() {
                return "blob";
            }

            @Override
            public int size() {
                return n;
            }

            @Override
            public Shape sampleShape() {
                return new Shape(2);
            }

            @Override
            public int numClasses() {
                return 0;
            }

            @Override
            public void read(int index, float[] into, int offset) {
                into[offset] = xy[2 * index];
                into[offset + 1] = xy[2 * index + 1];
            }
        };
    }

    static RunSpec spec(long steps, int checkpointEvery) {
        return spec(steps, checkpointEvery, 1e-3);
    }

    static RunSpec spec(long steps, int checkpointEvery, double learningRate) {
        TrainingConfig t = new TrainingConfig(steps, 16, 1, 5, new AdamConfig(learningRate, 0.5, 0.999, 1e-8),
                java.util.Map.of(), 5, 0, checkpointEvery, 2);
        return new RunSpec("tiny", java.util.Map.of(), "ns", java.util.Map.of(), "blob", t);
    }
}
