package org.example.plugins;

import io.gan4j.core.data.DatasetFactory;
import io.gan4j.core.eval.FeatureNetworkFactory;
import io.gan4j.core.loss.LossFactory;
import io.gan4j.core.model.GanVariantFactory;
import io.gan4j.core.plugin.GanPlugin;
import java.util.List;

/** The plugin's one entry point, named in META-INF/services/io.gan4j.core.plugin.GanPlugin. */
public final class ExamplePlugin implements GanPlugin {

    @Override
    public List<GanVariantFactory> variants() {
        return List.of(new MlpVariant(), new AutoencoderVariant());
    }

    @Override
    public List<LossFactory> losses() {
        return List.of(new SoftplusHingeLoss());
    }

    @Override
    public List<DatasetFactory> datasets() {
        return List.of(SpiralDataset.FACTORY);
    }

    @Override
    public List<FeatureNetworkFactory> featureNetworks() {
        return List.of(RandomProjection.FACTORY);
    }
}
