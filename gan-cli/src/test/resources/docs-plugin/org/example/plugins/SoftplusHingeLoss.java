package org.example.plugins;

import ai.djl.ndarray.NDArray;
import io.gan4j.core.loss.AdversarialLoss;
import io.gan4j.core.loss.LossFactory;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import java.util.List;

/**
 * A loss: two pure functions of the discriminator's logits. A smooth hinge, softplus(margin − D(x)) +
 * softplus(margin + D(G(z))) for D and −D(G(z)) for G, as the hinge loss but with gradients everywhere.
 */
public final class SoftplusHingeLoss implements LossFactory {

    @Override
    public String name() {
        return "softplus-hinge";
    }

    @Override
    public String description() {
        return "smooth hinge loss, softplus instead of relu (docs example)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.real("margin", 1.0, 0.0, 10.0, "the hinge's margin"));
    }

    @Override
    public AdversarialLoss create(Options options) {
        float margin = (float) options.getDouble("margin");
        return new AdversarialLoss() {
            @Override
            public NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
                return softplus(realLogits.neg().add(margin)).mean().add(softplus(fakeLogits.add(margin)).mean());
            }

            @Override
            public NDArray generatorLoss(NDArray realLogits, NDArray fakeLogits) {
                return fakeLogits.neg().mean();
            }
        };
    }

    /** log(1 + e^x), computed stably as max(x, 0) + log(1 + e^−|x|). */
    private static NDArray softplus(NDArray x) {
        return x.maximum(0f).add(x.abs().neg().exp().add(1f).log());
    }
}
