package io.gan4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import io.gan4j.core.layer.BatchNorm;
import io.gan4j.core.layer.Pack;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.Generator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Discriminator rejection sampling with an exactly known density ratio: G passes N(0, 1) noise through,
 * and D's logit is log N(x; 1, 1) / N(x; 0, 1) = x − 1/2, the optimal non-saturating discriminator
 * against the target N(1, 1).
 */
class DiscriminatorRejectionTest {

    private static final Generator IDENTITY = Generator.of(new LambdaBlock(x -> x), new Shape(1), new Shape(1));
    private static final Discriminator LOG_RATIO = Discriminator.of(
            new LambdaBlock(x -> new NDList(x.singletonOrThrow().sub(0.5f))), new Shape(1));

    @Test
    void withGammaZeroItSamplesTheTargetDistribution() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiscriminatorRejection exact = DiscriminatorRejection.calibrate(IDENTITY, LOG_RATIO,
                    DiscriminatorRejection.CALIBRATION_SAMPLES, 80, null, 1, m).withGamma(0);
            double[] x = values(exact.generate(20_000, null, 2, m).toFloatArray());
            // N(1, 1), except above the calibration maximum (x ≈ 3.9, 0.2 % of the mass), where the ratio is capped.
            assertThat(mean(x)).isCloseTo(1.0, within(0.03));
            assertThat(variance(x)).isCloseTo(1.0, within(0.05));
            // Kept with probability exp(D̃ − D̃*) = exp(x − 1/2 − D̃*), on average exp(−D̃*) under N(0, 1).
            assertThat(exact.acceptance()).isCloseTo(Math.exp(-exact.maxLogit()), withinPercentage(5));
        }
    }

    @Test
    void aBatchNormInTheDiscriminatorJudgesProposalsWithTheirOwnStatistics() {
        try (NDManager m = NDManager.newBaseManager()) {
            // D = batch norm, then the log ratio. Its running statistics (mean 3, variance 4), as if averaged over
            // real and fake batches, would halve and shift every logit, and the samples would follow N(0.5, 1).
            BatchNorm norm = new BatchNorm();
            SequentialBlock block = new SequentialBlock().add(norm).add(LOG_RATIO.block());
            block.initialize(m, DataType.FLOAT32, new Shape(1, 1));
            norm.getParameters().get("runningMean").getArray().set(new float[] {3});
            norm.getParameters().get("runningVar").getArray().set(new float[] {4});
            DiscriminatorRejection exact = DiscriminatorRejection.calibrate(IDENTITY, Discriminator.of(block, new Shape(1)),
                    DiscriminatorRejection.CALIBRATION_SAMPLES, 80, null, 1, m).withGamma(0);
            // The proposals' statistics, N(0, 1): the batch norm now passes them through almost unchanged.
            assertThat(norm.getParameters().get("runningMean").getArray().getFloat(0)).isCloseTo(0f, within(0.03f));
            assertThat(norm.getParameters().get("runningVar").getArray().getFloat(0)).isCloseTo(1f, within(0.05f));
            assertThat(mean(values(exact.generate(20_000, null, 2, m).toFloatArray()))).isCloseTo(1.0, within(0.04));
        }
    }

    @Test
    void aPackedDiscriminatorKeepsOrRejectsWholePacksAndEachSampleFollowsTheTarget() {
        try (NDManager m = NDManager.newBaseManager()) {
            // PacGAN2: D judges pairs, and its optimal logit is the pair's log ratio, (x1 − 1/2) + (x2 − 1/2).
            SequentialBlock block = new SequentialBlock().add(new Pack(2))
                    .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().sub(0.5f).sum(new int[] {1}))));
            Discriminator pairs = Discriminator.of(block, new Shape(1));
            DiscriminatorRejection exact = DiscriminatorRejection.calibrate(IDENTITY, pairs,
                    DiscriminatorRejection.CALIBRATION_SAMPLES, 80, null, 1, m).withGamma(0);
            assertThat(exact.packSize()).isEqualTo(2);
            // An odd count: the last pack's second sample is dropped.
            double[] x = values(exact.generate(20_001, null, 2, m).toFloatArray());
            assertThat(x).hasSize(20_001);
            assertThat(mean(x)).isCloseTo(1.0, within(0.04));
            assertThat(variance(x)).isCloseTo(1.0, within(0.06));
            // Under N(0, 1)², E[exp(x1 + x2 − 1)] = 1, so a pack is kept with probability exp(−D̃*) on average.
            assertThat(exact.acceptance()).isCloseTo(Math.exp(-exact.maxLogit()), withinPercentage(10));
            // Kept together: a pair's members are drawn from the pair target N(1, 1)², so they stay uncorrelated.
            double cov = 0;
            for (int i = 0; i + 1 < 20_000; i += 2) {
                cov += (x[i] - 1) * (x[i + 1] - 1);
            }
            assertThat(cov / 10_000).isCloseTo(0, within(0.04));
        }
    }

    @Test
    void aPercentileGammaKeepsMoreSamplesAndMovesPartWayToTheTarget() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiscriminatorRejection drs = DiscriminatorRejection.calibrate(IDENTITY, LOG_RATIO, 10_000, 50, null, 1, m);
            assertThat(drs.acceptance()).isBetween(0.3, 0.7);
            assertThat(drs.acceptance()).isGreaterThan(drs.withGamma(0).acceptance());
            double mean = mean(values(drs.generate(10_000, null, 2, m).toFloatArray()));
            assertThat(mean).isBetween(0.2, 0.9);
            // The samples depend on the seed only.
            assertThat(drs.generate(100, null, 7, m).toFloatArray()).containsExactly(drs.generate(100, null, 7, m).toFloatArray());
            assertThat(drs.generate(100, null, 7, m).toFloatArray()).isNotEqualTo(drs.generate(100, null, 8, m).toFloatArray());
        }
    }

    @Test
    void settingsAndNetworksAreChecked() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> DiscriminatorRejection.calibrate(IDENTITY, LOG_RATIO, 1000, 101, null, 1, m))
                    .hasMessage("the rejection percentile must be in [0, 100], got 101.0");
            assertThatThrownBy(() -> DiscriminatorRejection.calibrate(IDENTITY, LOG_RATIO, 10, 80, null, 1, m))
                    .hasMessage("rejection sampling needs >= 100 calibration samples, got 10");
            Discriminator wide = Discriminator.of(LOG_RATIO.block(), new Shape(2));
            assertThatThrownBy(() -> DiscriminatorRejection.calibrate(IDENTITY, wide, 1000, 80, null, 1, m))
                    .hasMessage("generator makes (1) but discriminator takes (2)");
            Discriminator conditional = Discriminator.conditional(LOG_RATIO.block(), new Shape(1), 3);
            assertThatThrownBy(() -> DiscriminatorRejection.calibrate(IDENTITY, conditional, 1000, 80, null, 1, m))
                    .hasMessage("a conditional discriminator (3 classes) needs a conditional generator");
            Generator fiveClasses = Generator.conditional(IDENTITY.block(), new Shape(1), new Shape(1), 5);
            assertThatThrownBy(() -> DiscriminatorRejection.calibrate(fiveClasses, conditional, 1000, 80, null, 1, m))
                    .hasMessage("generator knows 5 classes but discriminator 3");
            // Packing without a Pack layer is not recognised: fewer logits than samples.
            Discriminator hiddenPacks = Discriminator.of(
                    new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, 2).sum(new int[] {1}))), new Shape(1));
            assertThatThrownBy(() -> DiscriminatorRejection.calibrate(IDENTITY, hiddenPacks, 1000, 80, null, 1, m))
                    .hasMessage("rejection sampling needs one logit per sample, but the discriminator gives (250) for 500 samples"
                            + " (a patch discriminator?)");
            DiscriminatorRejection drs = DiscriminatorRejection.calibrate(IDENTITY, LOG_RATIO, 1000, 80, null, 1, m);
            assertThatThrownBy(() -> drs.generate(3, new int[] {0, 1, 2}, 1, m))
                    .hasMessage("a conditional generator needs one label per sample, an unconditional one none");
        }
    }

    private static double[] values(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    private static double variance(double[] x) {
        double mu = mean(x);
        return Arrays.stream(x).map(v -> (v - mu) * (v - mu)).average().orElseThrow();
    }
}
