package io.gan4j.eval.cas;

import java.util.List;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * {@code TribuoClassifiers} names the downstream classifier the augmentation benchmarks and CAS
 * use: Tribuo's multinomial logistic regression (SGD with AdaGrad, learning rate 0.1), on tables
 * with each feature standardized on the training data by a {@link TransformTrainer}.
 */
public final class TribuoClassifiers {

    private TribuoClassifiers() {}

    /**
     * Returns a logistic-regression trainer.
     *
     * @param epochs passes over the training data
     * @param seed seed of the example order
     */
    public static Trainer<Label> logisticRegression(int epochs, long seed) {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs, -1, 1, seed);
    }

    /**
     * Returns {@code trainer} with every feature standardized (mean 0, std 1 on its training data).
     * Not for images: a constant pixel has std 0, and Tribuo's transformation turns it into NaN.
     */
    public static Trainer<Label> standardized(Trainer<Label> trainer) {
        return new TransformTrainer<>(trainer, new TransformationMap(List.of(new MeanStdDevTransformation())));
    }
}
