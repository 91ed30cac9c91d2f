package io.gan4j.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The standard adversarial losses, with the formulas of StudioGAN's {@code losses.py}
 * ({@code d_vanilla/g_vanilla}, {@code d_ls/g_ls}, {@code d_hinge/g_hinge}, {@code d_wasserstein/g_wasserstein})
 * and the relativistic average GAN of Jolicoeur-Martineau (2019).
 */
public enum StandardLoss implements AdversarialLoss {

    /**
     * Non-saturating GAN loss (Goodfellow et al. 2014, §3): D minimizes
     * mean softplus(−real) + mean softplus(fake), i.e. BCE with logits; G minimizes mean softplus(−fake).
     */
    NON_SATURATING("ns", "non-saturating GAN loss, BCE with logits (Goodfellow et al. 2014)") {
        @Override
        public boolean logitEstimatesLogDensityRatio() {
            return true;
        }

        @Override
        public NDArray generatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return Activation.softPlus(fakeLogits.neg()).mean();
        }
    },

    /** Minimax GAN loss: D as {@link #NON_SATURATING}; G minimizes mean log(1 − σ(fake)) = −mean softplus(fake). */
    MINIMAX("minimax", "original minimax GAN loss, G minimizes log(1 - D(G(z)))") {
        @Override
        public boolean logitEstimatesLogDensityRatio() {
            return true;
        }

        @Override
        public NDArray generatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return Activation.softPlus(fakeLogits).mean().neg();
        }
    },

    /** Least-squares GAN (Mao et al. 2017), 0-1 coding: D 0.5(real−1)² + 0.5 fake²; G 0.5(fake−1)². */
    LEAST_SQUARES("lsgan", "least-squares GAN loss (Mao et al. 2017)") {
        @Override
        public NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return realLogits.sub(1).square().mul(0.5f).add(fakeLogits.square().mul(0.5f)).mean();
        }

        @Override
        public NDArray generatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return fakeLogits.sub(1).square().mul(0.5f).mean();
        }
    },

    /** Hinge loss (Lim &amp; Ye 2017; Miyato et al. 2018): D relu(1−real) + relu(1+fake); G −fake. */
    HINGE("hinge", "hinge loss (Lim & Ye 2017, SNGAN)") {
        @Override
        public NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return realLogits.neg().add(1).maximum(0).mean().add(fakeLogits.add(1).maximum(0).mean());
        }

        @Override
        public NDArray generatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return fakeLogits.mean().neg();
        }
    },

    /**
     * Wasserstein critic loss (Arjovsky et al. 2017): D mean(fake) − mean(real); G −mean(fake). It needs
     * a Lipschitz constraint on D: a gradient penalty ({@code wgan-gp}) or spectral normalization.
     */
    WASSERSTEIN("wgan", "Wasserstein critic loss (Arjovsky et al. 2017); pair with --penalty wgan-gp, 5 critic steps") {
        @Override
        public NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return fakeLogits.mean().sub(realLogits.mean());
        }

        @Override
        public NDArray generatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return fakeLogits.mean().neg();
        }
    },

    /**
     * Relativistic average standard GAN (RaSGAN, Jolicoeur-Martineau 2019): D judges whether a real
     * sample looks more real than the average fake, and a fake less real than the average real.
     * D: mean softplus(−(r − mean f)) + mean softplus(f − mean r); G the same with real and fake swapped.
     */
    RELATIVISTIC_AVERAGE("ragan", "relativistic average GAN loss, RaSGAN (Jolicoeur-Martineau 2019)") {
        @Override
        public NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return relativistic(realLogits, fakeLogits);
        }

        @Override
        public NDArray generatorLoss(NDArray realLogits, NDArray fakeLogits) {
            return relativistic(fakeLogits, realLogits);
        }

        @Override
        public boolean generatorUsesRealLogits() {
            return true;
        }

        /** Returns the loss of the player that wants {@code up} to look more real than {@code down}. */
        private NDArray relativistic(NDArray up, NDArray down) {
            return Activation.softPlus(up.sub(down.mean()).neg()).mean().add(Activation.softPlus(down.sub(up.mean())).mean());
        }
    };

    private final String pluginName;
    private final String description;

    StandardLoss(String pluginName, String description) {
        this.pluginName = pluginName;
        this.description = description;
    }

    /** Non-saturating and minimax share D's loss: BCE with logits, real labelled 1 and fake 0. */
    @Override
    public NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
        return Activation.softPlus(realLogits.neg()).mean().add(Activation.softPlus(fakeLogits).mean());
    }

    /**
     * Returns the option-less plugin factory of this loss.
     *
     * @return the option-less plugin factory of this loss
     */
    public LossFactory factory() {
        // The Wasserstein critic must be near-optimal for its gradients to be meaningful: 5 steps as in WGAN(-GP).
        return new FixedLossFactory(pluginName, description, this, this == WASSERSTEIN ? 5 : 1);
    }
}
