package io.gan4j.eval.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The translation measures on a domain pair whose true mapping (negation) is known, with exact and with useless translators. */
final class TranslationEvaluationTest {

    private static final Shape SHAPE = new Shape(1, 2, 2);
    private static final int N = 60;

    @Test
    void theTrueMappingScoresZeroErrorAndIdentityScoresTheUntranslatedError() {
        float[] a = new float[N * 4];
        Random random = new Random(5);
        double untranslated = 0;
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextFloat();
            untranslated += Math.abs(2 * a[i]);
        }
        untranslated = untranslated / a.length * 127.5;
        Dataset domainA = dataset(a, false);
        Dataset domainB = dataset(a, true);
        try (NDManager m = NDManager.newBaseManager(); FeatureNetwork pixels = flatten()) {
            Block negate = block(m, NDArray::neg);
            Block identity = block(m, x -> x);
            TranslationReport exact = new TranslationEvaluation(negate, negate, pixels).evaluate(domainA, domainB, true, 1000);
            assertThat(exact.count()).isEqualTo(N);
            assertThat(exact.maeAtoB()).isZero();
            assertThat(exact.maeBtoA()).isZero();
            assertThat(exact.cycleA()).isZero();
            assertThat(exact.cycleB()).isZero();
            assertThat(exact.maeUntranslated()).isCloseTo(untranslated, within(1e-3));
            assertThat(exact.fidAtoB()).isCloseTo(0, within(1e-3));
            assertThat(exact.fidUntranslated()).isGreaterThan(1);
            assertThat(exact.accuracyBtoA()).isNull();

            TranslationReport none = new TranslationEvaluation(identity, identity, pixels).evaluate(domainA, domainB, true, 1000);
            assertThat(none.maeAtoB()).isCloseTo(untranslated, within(1e-3));
            assertThat(none.fidAtoB()).isCloseTo(none.fidUntranslated(), within(1e-6));
            assertThat(none.cycleA()).isZero();

            TranslationReport unpaired = new TranslationEvaluation(negate, negate, pixels).evaluate(domainA, domainB, false, 10);
            assertThat(unpaired.maeAtoB()).isNull();
            assertThat(unpaired.format()).contains("cycle error A->B->A").doesNotContain("MAE");
        }
    }

    private static Block block(NDManager m, UnaryOperator<NDArray> f) {
        Block b = new LambdaBlock(list -> new NDList(f.apply(list.singletonOrThrow())));
        b.initialize(m, DataType.FLOAT32, new Shape(1).addAll(SHAPE));
        return b;
    }

    private static Dataset dataset(float[] values, boolean negated) {
        return new Dataset() {
            @Override
            public String description() {
                return negated ? "B" : "A";
            }

            @Override
            public int size() {
                return N;
            }

            @Override
            public Shape sampleShape() {
                return SHAPE;
            }

            @Override
            public int numClasses() {
                return 0;
            }

            @Override
            public void read(int index, float[] into, int offset) {
                for (int j = 0; j < 4; j++) {
                    into[offset + j] = negated ? -values[index * 4 + j] : values[index * 4 + j];
                }
            }
        };
    }

    private static FeatureNetwork flatten() {
        return new FeatureNetwork() {
            @Override
            public String name() {
                return "flatten";
            }

            @Override
            public Shape inputShape() {
                return SHAPE;
            }

            @Override
            public int dimension() {
                return 4;
            }

            @Override
            public String weightsHash() {
                return "";
            }

            @Override
            public NDArray features(NDArray batch) {
                return batch.reshape(batch.getShape().get(0), 4);
            }

            @Override
            public void close() {}
        };
    }
}
