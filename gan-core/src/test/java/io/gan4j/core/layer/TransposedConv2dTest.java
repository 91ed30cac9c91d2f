package io.gan4j.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.gan4j.core.engine.EngineSupport;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the transposed convolution, value and gradients, against a direct loop over PyTorch's
 * definition out[n,o,y,x] = b[o] + Σ in[n,i,iy,ix]·w[i,o,ky,kx] with y = iy·s − p + ky, for the MXNet
 * implementation (native operator, and the phase path it takes for one output channel) and the
 * portable one.
 */
final class TransposedConv2dTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @ParameterizedTest(name = "{0}: cin={1} cout={2} k={3} s={4} p={5} h={6} bias={7}")
    @CsvSource({
        "MXNet, 3, 2, 4, 2, 1, 5, true",
        "MXNet, 3, 2, 4, 2, 1, 5, false",
        "MXNet, 4, 1, 4, 2, 1, 7, true",
        "MXNet, 4, 1, 4, 2, 1, 7, false",
        "MXNet, 2, 3, 3, 1, 1, 4, true",
        "portable, 3, 2, 4, 2, 1, 5, true",
        "portable, 3, 2, 4, 2, 1, 5, false",
        "portable, 4, 1, 4, 2, 1, 7, true",
        "portable, 2, 3, 3, 1, 1, 4, true",
        "portable, 2, 2, 5, 2, 2, 3, true",
        "portable, 2, 2, 3, 2, 0, 4, true",
        "portable, 1, 2, 4, 4, 0, 3, true"
    })
    void matchesDirectComputation(String engine, int cin, int cout, int k, int s, int p, int h, boolean withBias) {
        Random random = new Random(cin * 1000L + cout * 100 + k * 10 + s);
        int n = 2;
        int w = h + 1;
        float[] x = gaussian(random, n * cin * h * w);
        float[] weight = gaussian(random, cin * cout * k * k);
        float[] bias = withBias ? gaussian(random, cout) : new float[cout];
        int ho = (h - 1) * s - 2 * p + k;
        int wo = (w - 1) * s - 2 * p + k;
        float[] upstream = gaussian(random, n * cout * ho * wo);

        EngineSupport support = EngineSupport.forEngine(engine.equals("MXNet") ? "MXNet" : "portable-test");
        NDArray xa = manager.create(x, new Shape(n, cin, h, w));
        NDArray wa = manager.create(weight, new Shape(cin, cout, k, k));
        NDArray ba = withBias ? manager.create(bias, new Shape(cout)) : null;
        xa.setRequiresGradient(true);
        wa.setRequiresGradient(true);
        if (withBias) {
            ba.setRequiresGradient(true);
        }
        NDArray out;
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            out = support.transposedConv2d(xa, wa, ba, new Shape(s, s), new Shape(p, p));
            gc.backward(out.mul(manager.create(upstream, new Shape(n, cout, ho, wo))).sum());
        }
        assertThat(out.getShape()).isEqualTo(new Shape(n, cout, ho, wo));

        double[] expected = new double[n * cout * ho * wo];
        double[] gradX = new double[x.length];
        double[] gradW = new double[weight.length];
        double[] gradB = new double[cout];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < cout; o++) {
                for (int y = 0; y < ho; y++) {
                    for (int xx = 0; xx < wo; xx++) {
                        int oi = ((b * cout + o) * ho + y) * wo + xx;
                        expected[oi] += bias[o];
                        gradB[o] += upstream[oi];
                    }
                }
                for (int i = 0; i < cin; i++) {
                    for (int iy = 0; iy < h; iy++) {
                        for (int ix = 0; ix < w; ix++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int y = iy * s - p + ky;
                                    int xx = ix * s - p + kx;
                                    if (y < 0 || y >= ho || xx < 0 || xx >= wo) {
                                        continue;
                                    }
                                    int xi = ((b * cin + i) * h + iy) * w + ix;
                                    int wi = ((i * cout + o) * k + ky) * k + kx;
                                    int oi = ((b * cout + o) * ho + y) * wo + xx;
                                    expected[oi] += x[xi] * weight[wi];
                                    gradX[xi] += upstream[oi] * weight[wi];
                                    gradW[wi] += upstream[oi] * x[xi];
                                }
                            }
                        }
                    }
                }
            }
        }
        assertClose(out.toFloatArray(), expected);
        assertClose(xa.getGradient().toFloatArray(), gradX);
        assertClose(wa.getGradient().toFloatArray(), gradW);
        if (withBias) {
            assertClose(ba.getGradient().toFloatArray(), gradB);
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "3"})
    void blockInfersInputChannelsAndOutputShape(int filters) {
        TransposedConv2d block = new TransposedConv2d(filters, 4, 2, 1, true);
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 5, 7, 7));
        assertThat(block.getParameters().get("weight").getArray().getShape()).isEqualTo(new Shape(5, filters, 4, 4));
        NDArray y = block.forward(new ParameterStore(manager, false), new NDList(manager.ones(new Shape(2, 5, 7, 7))), false).head();
        assertThat(y.getShape()).isEqualTo(block.getOutputShapes(new Shape[] {new Shape(2, 5, 7, 7)})[0]).isEqualTo(new Shape(2, filters, 14, 14));
    }

    static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    static void assertClose(float[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-4 * (1 + Math.abs(expected[i]))));
        }
    }

    /** PyTorch's output_padding: k 3, s 2, p 1, op 1 doubles the size; native and reusable (phase) paths agree with the definition. */
    @ParameterizedTest(name = "reusedPerGraph={0}")
    @CsvSource({"false", "true"})
    void outputPaddingAddsRowsAndColumnsAtTheBottomRight(boolean reused) {
        int cin = 2;
        int cout = 3;
        int h = 4;
        Random random = new Random(11);
        float[] x = gaussian(random, cin * h * h);
        TransposedConv2d layer = new TransposedConv2d(cout, 3, 2, 1, 1, false, reused);
        layer.initialize(manager, DataType.FLOAT32, new Shape(1, cin, h, h));
        float[] w = layer.getParameters().get("weight").getArray().toFloatArray();
        NDArray out = layer.forward(new ParameterStore(manager, false), new NDList(manager.create(x, new Shape(1, cin, h, h))), false)
                .singletonOrThrow();
        int ho = 2 * h;
        assertThat(out.getShape()).isEqualTo(new Shape(1, cout, ho, ho));
        double[] expected = new double[cout * ho * ho];
        for (int o = 0; o < cout; o++) {
            for (int i = 0; i < cin; i++) {
                for (int iy = 0; iy < h; iy++) {
                    for (int ix = 0; ix < h; ix++) {
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int y = iy * 2 - 1 + ky;
                                int xx = ix * 2 - 1 + kx;
                                if (y >= 0 && y < ho && xx >= 0 && xx < ho) {
                                    expected[(o * ho + y) * ho + xx] += x[(i * h + iy) * h + ix] * w[((i * cout + o) * 3 + ky) * 3 + kx];
                                }
                            }
                        }
                    }
                }
            }
        }
        assertClose(out.toFloatArray(), expected);
    }
}
