package io.gan4j.data;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.data.DatasetFactory;
import io.gan4j.core.plugin.GanPlugin;
import io.gan4j.data.idx.IdxDatasets;
import io.gan4j.data.toy.ToyMixture;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The built-in datasets: {@code mnist} (embedded), {@code idx:IMAGES[,LABELS]} for any IDX files
 * (MNIST, Fashion-MNIST), and the toy mixtures {@code ring8[:N]}, {@code grid25[:N]}.
 */
public final class DataPlugin implements GanPlugin {

    private static final int DEFAULT_TOY_POINTS = 20_000;

    @Override
    public List<DatasetFactory> datasets() {
        return List.of(
                factory("mnist", "", "MNIST test split embedded in gan-data (10,000 labelled 28x28 digits); no download",
                        (arg, seed) -> {
                            if (!arg.isEmpty()) {
                                throw new IllegalArgumentException("dataset 'mnist' takes no argument; use idx:IMAGES[,LABELS] for files");
                            }
                            return IdxDatasets.embeddedMnist();
                        }),
                factory("idx", "IMAGES[,LABELS]", "IDX image file (raw or .gz) with optional IDX labels, e.g. MNIST or Fashion-MNIST",
                        (arg, seed) -> {
                            if (arg.isBlank()) {
                                throw new IllegalArgumentException("dataset 'idx' needs a path: idx:IMAGES[,LABELS]");
                            }
                            String[] parts = arg.split(",", 2);
                            return IdxDatasets.open(Path.of(parts[0]), parts.length > 1 ? Path.of(parts[1]) : null);
                        }),
                toy(ToyMixture.ring8(), "ring of 8 Gaussians, radius 2, sigma 0.02 (VEEGAN/PacGAN)"),
                toy(ToyMixture.grid25(), "5x5 grid of 25 Gaussians, spacing 2, sigma 0.05 (VEEGAN/PacGAN)"));
    }

    private static DatasetFactory toy(ToyMixture mixture, String description) {
        return factory(mixture.name(), "[N]", description + "; N points, default " + DEFAULT_TOY_POINTS, (arg, seed) -> {
            int n = DEFAULT_TOY_POINTS;
            if (!arg.isBlank()) {
                try {
                    n = Integer.parseInt(arg.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("dataset '" + mixture.name() + "' expects a point count, got '" + arg + "'");
                }
            }
            return mixture.sample(n, seed);
        });
    }

    private static DatasetFactory factory(String name, String hint, String description, BiFunction<String, Long, Dataset> open) {
        return new DatasetFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public String argumentHint() {
                return hint;
            }

            @Override
            public Dataset open(String argument, long seed) {
                return open.apply(argument, seed);
            }
        };
    }
}
