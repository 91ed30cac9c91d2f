package io.gan4j.models;

import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.plugin.GanPlugin;
import io.gan4j.models.anomaly.AnomalyDetectorsFactory;
import io.gan4j.models.cgan.AcganFactory;
import io.gan4j.models.cgan.ConditionalGanFactory;
import io.gan4j.models.cyclegan.CycleGanFactory;
import io.gan4j.models.dcgan.DcganFactory;
import io.gan4j.models.infogan.InfoGanFactory;
import io.gan4j.models.inpainting.ContextEncoderFactory;
import io.gan4j.models.mlp.MlpGanFactory;
import io.gan4j.models.pix2pix.Pix2PixFactory;
import io.gan4j.models.semisupervised.SemiSupervisedGanFactory;
import io.gan4j.models.superres.SrGanFactory;
import java.util.ArrayList;
import java.util.List;

/** The built-in GAN variants. */
public final class ModelsPlugin implements GanPlugin {

    @Override
    public List<GanVariantFactory> variants() {
        List<GanVariantFactory> variants = new ArrayList<>(List.of(new DcganFactory(), new MlpGanFactory(), new ConditionalGanFactory(),
                new AcganFactory(), new CycleGanFactory(), new Pix2PixFactory(),
                new ContextEncoderFactory(), new InfoGanFactory(), new SrGanFactory(),
                new SemiSupervisedGanFactory()));
        variants.addAll(AnomalyDetectorsFactory.all());
        return variants;
    }
}
