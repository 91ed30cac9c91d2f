package io.gan4j.models.dcgan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.nn.Block;
import io.gan4j.core.augment.DiffAugment;
import io.gan4j.core.layer.BatchNorm;
import io.gan4j.core.loss.StandardLoss;
import io.gan4j.core.loss.StandardPenalties;
import io.gan4j.core.model.Discriminator;
import io.gan4j.core.model.GanVariant;
import io.gan4j.core.model.VariantContext;
import io.gan4j.core.spi.Options;
import io.gan4j.models.cgan.ConditionalGanFactory;
import java.util.Map;
import java.util.Optional;
import io.gan4j.core.model.Generator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class DcganNetworksTest {

    @ParameterizedTest(name = "{0}x{1}x{1}")
    @CsvSource({"1, 28", "3, 32", "1, 64", "3, 64"})
    void generatorAndDiscriminatorFitTheImageShape(int channels, int side) {
        Shape image = new Shape(channels, side, side);
        Generator g = DcganNetworks.generator(image, 100, 16);
        Discriminator d = DcganNetworks.discriminator(image, 16);
        try (NDManager m = NDManager.newBaseManager()) {
            g.block().initialize(m, DataType.FLOAT32, new Shape(2, 100));
            d.block().initialize(m, DataType.FLOAT32, new Shape(2).addAll(image));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = g.block().forward(ps, new NDList(m.randomNormal(new Shape(2, 100))), false).head();
            assertThat(x.getShape()).isEqualTo(new Shape(2).addAll(image));
            assertThat(x.abs().max().getFloat()).isLessThanOrEqualTo(1f);
            assertThat(d.block().forward(ps, new NDList(x), false).head().getShape()).isEqualTo(new Shape(2, 1));
        }
    }

    @Test
    void mnistPresetIsTheBenchmarkReferenceNetwork() {
        Shape image = new Shape(1, 28, 28);
        Generator g = DcganNetworks.generator(image, 100, 64);
        Discriminator d = DcganNetworks.discriminator(image, 64);
        try (NDManager m = NDManager.newBaseManager()) {
            g.block().initialize(m, DataType.FLOAT32, new Shape(1, 100));
            d.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            // PyTorch reference: G 100·6272+6272 + BN 2·6272 + ConvT 128·64·16+64 + BN 2·64 + ConvT 64·16+1
            assertThat(count(g)).isEqualTo(633_472 + 12_544 + 131_136 + 128 + 1_025);
            // D: Conv 1·64·16+64 + Conv 64·128·16+128 + BN 2·128 + Linear 6272+1
            assertThat(count(d)).isEqualTo(1_088 + 131_200 + 256 + 6_273);
        }
    }

    @ParameterizedTest(name = "depth {0}, kernel {1}: sides {2}")
    @CsvSource({"0, 4, 28 14 7", "0, 5, 28 14 7", "3, 4, 28 14 7 3", "4, 5, 28 14 7 4 2", "4, 4, 28 14 7 3 1"})
    void layoutsGiveTheirSidesAndNetworksFitThem(int depth, int kernel, String sides) {
        DcganFactory factory = new DcganFactory();
        Shape image = new Shape(3, 28, 28);
        Options options = Options.resolve("dcgan", factory.options(),
                Map.of("width", "8", DcganLayout.DEPTH, "" + depth, DcganLayout.KERNEL, "" + kernel));
        DcganLayout layout = DcganLayout.of(image, options);
        String actual = IntStream.rangeClosed(0, layout.stages()).mapToObj(i -> "" + layout.side(i)).collect(Collectors.joining(" "));
        assertThat(actual).isEqualTo(sides);

        GanVariant variant = factory.create(new VariantContext(options, image, 0, StandardLoss.NON_SATURATING));
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = variant.networks().get(0).block();
            Block d = variant.networks().get(1).block();
            g.initialize(m, DataType.FLOAT32, new Shape(2, 100));
            d.initialize(m, DataType.FLOAT32, new Shape(2).addAll(image));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = g.forward(ps, new NDList(m.randomNormal(new Shape(2, 100))), false).head();
            assertThat(x.getShape()).isEqualTo(new Shape(2).addAll(image));
            assertThat(d.forward(ps, new NDList(x), false).head().getShape()).isEqualTo(new Shape(2, 1));
        }
    }

    /** depth=4, kernel=5 is DCGAN-tensorflow's network, which PacGAN trains on Stacked MNIST (64-512 channels, 5x5). */
    @Test
    void pacganLayoutHasDcganTensorflowsLayers() {
        DcganLayout layout = new DcganLayout(new Shape(3, 28, 28), 4, 5);
        Generator g = DcganNetworks.generator(layout, 100, 64);
        Discriminator d = DcganNetworks.discriminator(layout, 64);
        try (NDManager m = NDManager.newBaseManager()) {
            g.block().initialize(m, DataType.FLOAT32, new Shape(1, 100));
            d.block().initialize(m, DataType.FLOAT32, new Shape(1, 3, 28, 28));
            // Linear 100->512*2*2 + BN + ConvT 512->256->128->64 (5x5, each + BN) + ConvT 64->3
            assertThat(count(g)).isEqualTo(206_848 + 4_096 + 3_277_056 + 512 + 819_328 + 256 + 204_864 + 128 + 4_803);
            // Conv 3->64->128->256->512 (5x5, BN after all but the first) + Linear 512*2*2 -> 1
            assertThat(count(d)).isEqualTo(4_864 + 204_928 + 256 + 819_456 + 512 + 3_277_312 + 1_024 + 2_049);
        }
    }

    private static long count(Object network) {
        ai.djl.nn.Block block = network instanceof Generator g ? g.block() : ((Discriminator) network).block();
        return StreamSupport.stream(block.getParameters().spliterator(), false)
                .filter(p -> p.getValue().requiresGradient())
                .mapToLong(p -> p.getValue().getArray().size())
                .sum();
    }

    /** Penalized critics (dcgan, cgan) have no batch norm: a per-sample gradient penalty is wrong through batch statistics. */
    @Test
    void aPenalizedCriticHasNoBatchNorm() {
        DcganFactory factory = new DcganFactory();
        Shape image = new Shape(1, 28, 28);
        Options options = Options.resolve("dcgan", factory.options(), Map.of("width", "8"));
        GanVariant plain = factory.create(new VariantContext(options, image, 0, StandardLoss.NON_SATURATING));
        GanVariant penalized = factory.create(new VariantContext(options, image, 0, StandardLoss.WASSERSTEIN,
                Optional.of(StandardPenalties.wganGp(10)), DiffAugment.NONE));
        assertThat(batchNorms(plain.networks().get(1).block())).isEqualTo(1);
        assertThat(batchNorms(penalized.networks().get(1).block())).isZero();
        assertThat(batchNorms(penalized.networks().get(0).block())).isEqualTo(2);

        ConditionalGanFactory cgan = new ConditionalGanFactory();
        Options cganOptions = Options.resolve("cgan", cgan.options(), Map.of("width", "8"));
        GanVariant conditional = cgan.create(new VariantContext(cganOptions, image, 10, StandardLoss.WASSERSTEIN,
                Optional.of(StandardPenalties.r1(10)), DiffAugment.NONE));
        assertThat(batchNorms(conditional.networks().get(1).block())).isZero();
        GanVariant conditionalPlain = cgan.create(new VariantContext(cganOptions, image, 10, StandardLoss.NON_SATURATING));
        assertThat(batchNorms(conditionalPlain.networks().get(1).block())).isEqualTo(1);
    }

    private static int batchNorms(Block block) {
        int own = block instanceof BatchNorm ? 1 : 0;
        return own + block.getChildren().values().stream().mapToInt(DcganNetworksTest::batchNorms).sum();
    }

    @Test
    void unsupportedShapesAreRejectedWithWhatIsSupported() {
        assertThatThrownBy(() -> DcganNetworks.generator(new Shape(1, 28, 32), 100, 64)).hasMessageContaining("square images");
        assertThatThrownBy(() -> DcganNetworks.generator(new Shape(2), 100, 64)).hasMessageContaining("got (2)");
        assertThatThrownBy(() -> DcganNetworks.generator(new Shape(1, 7, 7), 100, 64)).hasMessageContaining("e.g. 28, 32, 64");
        assertThatThrownBy(() -> new DcganLayout(new Shape(3, 28, 28), 5, 4)).hasMessage(
                "dcgan: 5 stride-2 stages of kernel 4 are too many for a 28-pixel side (one pixel left after 4); use a smaller depth");
        assertThatThrownBy(() -> new DcganLayout(new Shape(3, 28, 28), 2, 3)).hasMessage("dcgan kernel must be 4 or 5, got 3");
    }
}
