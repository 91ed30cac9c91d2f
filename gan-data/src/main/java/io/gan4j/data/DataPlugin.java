package io.gan4j.data;

import io.gan4j.core.data.DatasetFactory;
import io.gan4j.core.plugin.GanPlugin;
import io.gan4j.data.folder.ImageFolder;
import io.gan4j.data.idx.IdxDatasets;
import io.gan4j.data.stacked.StackedMnist;
import io.gan4j.data.toy.ToyMixture;
import java.nio.file.Path;
import java.util.List;

/**
 * The built-in datasets: {@code mnist} (embedded), {@code idx:IMAGES[,LABELS]} for any IDX files
 * (MNIST, Fashion-MNIST), {@code folder:DIR} for image files, {@code stacked-mnist[:N]}, and the toy
 * mixtures {@code ring8[:N]}, {@code grid25[:N]}.
 */
public final class DataPlugin implements GanPlugin {

    private static final int DEFAULT_TOY_POINTS = 20_000;
    private static final int DEFAULT_STACKED = 60_000;

    @Override
    public List<DatasetFactory> datasets() {
        return List.of(
                DatasetFactory.of("mnist", "", "MNIST test split embedded in gan-data (10,000 labelled 28x28 digits); no download",
                        (arg, seed) -> {
                            if (!arg.isEmpty()) {
                                throw new IllegalArgumentException("dataset 'mnist' takes no argument; use idx:IMAGES[,LABELS] for files");
                            }
                            return IdxDatasets.embeddedMnist();
                        }),
                DatasetFactory.of("idx", "IMAGES[,LABELS]", "IDX image file (raw or .gz) with optional IDX labels, e.g. MNIST or Fashion-MNIST",
                        (arg, seed) -> {
                            if (arg.isBlank()) {
                                throw new IllegalArgumentException("dataset 'idx' needs a path: idx:IMAGES[,LABELS]");
                            }
                            String[] parts = arg.split(",", 2);
                            return IdxDatasets.open(Path.of(parts[0]), parts.length > 1 ? Path.of(parts[1]) : null);
                        }),
                DatasetFactory.of("folder", "DIR", "a directory of PNG/JPEG images of one size (class subdirectories give labels)",
                        (arg, seed) -> {
                            if (arg.isBlank()) {
                                throw new IllegalArgumentException("dataset 'folder' needs a directory: folder:DIR");
                            }
                            return ImageFolder.open(Path.of(arg));
                        }),
                DatasetFactory.of("stacked-mnist", "[N]", "Stacked MNIST from the embedded digits: 3 digits as RGB channels, 1,000 modes; N samples, default "
                        + DEFAULT_STACKED, (arg, seed) -> new StackedMnist(IdxDatasets.embeddedMnist(), count("stacked-mnist", arg, DEFAULT_STACKED), seed)),
                toy(ToyMixture.ring8(), "ring of 8 Gaussians, radius 2, sigma 0.02 (VEEGAN/PacGAN)"),
                toy(ToyMixture.grid25(), "5x5 grid of 25 Gaussians, spacing 2, sigma 0.05 (VEEGAN/PacGAN)"));
    }

    private static DatasetFactory toy(ToyMixture mixture, String description) {
        return DatasetFactory.of(mixture.name(), "[N]", description + "; N points, default " + DEFAULT_TOY_POINTS,
                (arg, seed) -> mixture.sample(count(mixture.name(), arg, DEFAULT_TOY_POINTS), seed));
    }

    private static int count(String dataset, String argument, int defaultCount) {
        if (argument.isBlank()) {
            return defaultCount;
        }
        try {
            return Integer.parseInt(argument.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dataset '" + dataset + "' expects a sample count, got '" + argument + "'");
        }
    }
}
