package io.gan4j.models.translation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Shapes of the CycleGAN networks, and their use as CycleGAN uses them: twice in one recorded loss. */
final class TranslationNetworksTest {

    private static final Shape ONE = new Shape(1, 1, 28, 28);
    private static final Shape BATCH = new Shape(4, 1, 28, 28);

    @Test
    void generatorsKeepTheImageShapeAndThePatchGanGivesOneLogitPerPatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (Block g : new Block[] {TranslationNetworks.resnetGenerator(1, 8, 2, 2), TranslationNetworks.unetGenerator(1, 8, 2, false)}) {
                g.initialize(m, DataType.FLOAT32, ONE);
                NDArray y = g.forward(new ParameterStore(m, false), new NDList(m.randomNormal(BATCH)), false).singletonOrThrow();
                assertThat(y.getShape()).isEqualTo(BATCH);
                assertThat(y.abs().max().getFloat()).isLessThanOrEqualTo(1f);
            }
            Block d = TranslationNetworks.patchDiscriminator(8, 2);
            d.initialize(m, DataType.FLOAT32, ONE);
            // 28 -> 14 -> 7 (stride 2) -> 6 -> 5 (stride 1, 4x4, padding 1).
            assertThat(d.forward(new ParameterStore(m, false), new NDList(m.randomNormal(BATCH)), false).singletonOrThrow().getShape())
                    .isEqualTo(new Shape(4, 1, 5, 5));
        }
        assertThat(TranslationNetworks.receptiveField(3)).isEqualTo(70);
        assertThat(TranslationNetworks.receptiveField(2)).isEqualTo(34);
        assertThat(TranslationNetworks.receptiveField(1)).isEqualTo(16);
    }

    /** pix2pix's U-Net at 28 px: five levels on the image padded by reflection to 32, cropped back; dropout only from 64 px. */
    @Test
    void aUnetTakesASideThatIsNotAPowerOfTwoThroughPadding() {
        assertThat(TranslationNetworks.unetLevels(28)).isEqualTo(5);
        assertThat(TranslationNetworks.unetLevels(256)).isEqualTo(8);
        assertThat(TranslationNetworks.unetLevels(1024)).isEqualTo(8);
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = TranslationNetworks.paddedToMultiple(TranslationNetworks.unetGenerator(1, 4, 5, true), 28, 5);
            g.initialize(m, DataType.FLOAT32, ONE);
            assertThat(g.forward(new ParameterStore(m, false), new NDList(m.randomNormal(BATCH)), false).singletonOrThrow().getShape())
                    .isEqualTo(BATCH);
        }
        assertThat(TranslationNetworks.paddedToMultiple(Blocks.identityBlock(), 32, 5)).isInstanceOf(Blocks.identityBlock().getClass());
        assertThat(TranslationNetworks.unetGenerator(1, 4, 5, true).toString()).doesNotContain("Dropout");
        assertThat(TranslationNetworks.unetGenerator(1, 4, 8, true).toString().split("Dropout", -1)).hasSize(4);
    }

    /** MXNet's native deconvolution crashed the JVM in this backward pass; the networks must avoid it. */
    @Test
    void aGeneratorRunsTwiceInOneRecordedLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (Block g : new Block[] {TranslationNetworks.resnetGenerator(1, 8, 1, 2), TranslationNetworks.unetGenerator(1, 8, 2, false)}) {
                g.initialize(m, DataType.FLOAT32, ONE);
                ParameterStore store = new ParameterStore(m, false);
                NDArray x = m.randomNormal(BATCH);
                try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray once = g.forward(store, new NDList(x), true).singletonOrThrow();
                    NDArray twice = g.forward(store, new NDList(once), true).singletonOrThrow();
                    gc.backward(once.mean().add(twice.sub(x).abs().mean()));
                }
                NDArray firstWeight = g.getParameters().valueAt(0).getArray();
                assertThat(firstWeight.getGradient().abs().sum().getFloat()).isPositive();
            }
        }
    }
}
