package io.gan4j.eval.inpainting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import io.gan4j.core.eval.FeatureNetwork;
import io.gan4j.core.model.Inpainter;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The inpainting measures against their definitions, on 2x2 images whose hole is the bottom-right pixel. */
final class InpaintingEvaluationTest {

    private static final Shape SHAPE = new Shape(1, 2, 2);
    private static final int N = 60;

    @Test
    void errorsArePercentOfTheRangeInsideTheHoleAndPsnrIsAveragedOverImages() {
        float[] x = new float[N * 4];
        Random random = new Random(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * random.nextFloat() - 1;
        }
        double blackL1 = 0;
        double blackL2 = 0;
        double blackPsnr = 0;
        double meanL1 = 0;
        for (int i = 0; i < N; i++) {
            double d = (x[4 * i + 3] + 1) / 2;
            blackL1 += d;
            blackL2 += d * d;
            blackPsnr += 10 * Math.log10(1 / (d * d));
            double mean = (x[4 * i] + x[4 * i + 1] + x[4 * i + 2]) / 3;
            meanL1 += Math.abs(mean - x[4 * i + 3]) / 2;
        }
        Dataset test = dataset(x);
        FeatureNetwork pixels = flatten();
        InpaintingReport perfect = new InpaintingEvaluation(inpainter(images -> images), pixels).evaluate(test, 1000);
        assertThat(perfect.count()).isEqualTo(N);
        assertThat(perfect.holeFraction()).isEqualTo(0.25);
        assertThat(perfect.l1()).isZero();
        assertThat(perfect.l2()).isZero();
        assertThat(perfect.psnr()).isEqualTo(100);
        assertThat(perfect.fid()).isCloseTo(0, within(1e-6));
        assertThat(perfect.meanFillL1()).isCloseTo(100 * meanL1 / N, within(1e-4));
        assertThat(perfect.accuracy()).isNull();

        InpaintingReport black = new InpaintingEvaluation(inpainter(images -> {
            NDArray hole = images.getManager().create(new float[] {1, 1, 1, 0}, new Shape(1, 1, 2, 2));
            return images.mul(hole).sub(hole.neg().add(1));
        }), pixels).evaluate(test, 1000);
        assertThat(black.l1()).isCloseTo(100 * blackL1 / N, within(1e-4));
        assertThat(black.l2()).isCloseTo(100 * blackL2 / N, within(1e-4));
        assertThat(black.psnr()).isCloseTo(blackPsnr / N, within(1e-4));
        assertThat(black.fid()).isGreaterThan(perfect.fid());
        assertThat(black.meanFillL1()).isEqualTo(perfect.meanFillL1());
    }

    private static Inpainter inpainter(UnaryOperator<NDArray> fill) {
        return new Inpainter() {
            @Override
            public Shape imageShape() {
                return SHAPE;
            }

            @Override
            public NDArray mask(NDManager manager) {
                return manager.create(new float[] {0, 0, 0, 1}, new Shape(2, 2));
            }

            @Override
            public NDArray inpaint(NDArray images) {
                return fill.apply(images);
            }
        };
    }

    private static Dataset dataset(float[] values) {
        return new Dataset() {
            @Override
            public String description() {
                return "squares";
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
                System.arraycopy(values, index * 4, into, offset, 4);
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
