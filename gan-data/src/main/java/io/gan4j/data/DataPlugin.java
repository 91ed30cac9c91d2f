package io.gan4j.data;

import io.gan4j.core.data.DatasetFactory;
import io.gan4j.core.plugin.GanPlugin;
import io.gan4j.data.folder.ImageFolder;
import io.gan4j.data.idx.IdxDatasets;
import io.gan4j.data.stacked.StackedMnist;
import io.gan4j.data.tabular.CsvTables;
import io.gan4j.data.tabular.TableEncoding;
import io.gan4j.data.tabular.TabularDataset;
import io.gan4j.data.toy.ToyMixture;
import java.nio.file.Path;
import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * The built-in datasets: {@code mnist} (embedded), {@code idx:IMAGES[,LABELS]} for any IDX files
 * (MNIST, Fashion-MNIST), {@code folder:DIR} for image files, {@code csv:FILE[,label=COLUMN]} for
 * labelled tables, {@code stacked-mnist[:N]}, and the toy
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
                DatasetFactory.of("csv", "FILE[,label=COLUMN]", "labelled numeric CSV table via Tribuo (label: last column unless named);"
                        + " features standardized, the scaling kept in the run", (arg, seed) -> csv(arg)),
                DatasetFactory.of("stacked-mnist", "[N]", "Stacked MNIST from the embedded digits: 3 digits as RGB channels, 1,000 modes; N samples, default "
                        + DEFAULT_STACKED, (arg, seed) -> new StackedMnist(IdxDatasets.embeddedMnist(), count("stacked-mnist", arg, DEFAULT_STACKED), seed)),
                toy(ToyMixture.ring8(), "ring of 8 Gaussians, radius 2, sigma 0.02 (VEEGAN/PacGAN)"),
                toy(ToyMixture.grid25(), "5x5 grid of 25 Gaussians, spacing 2, sigma 0.05 (VEEGAN/PacGAN)"));
    }

    /** Opens {@code FILE[,label=COLUMN]} as a {@link TabularDataset} standardized with statistics of the whole file. */
    public static TabularDataset csv(String argument) {
        if (argument.isBlank()) {
            throw new IllegalArgumentException("dataset 'csv' needs a file: csv:FILE[,label=COLUMN]");
        }
        String[] parts = argument.split(",", 2);
        String label = null;
        if (parts.length > 1) {
            if (!parts[1].startsWith("label=") || parts[1].length() == "label=".length()) {
                throw new IllegalArgumentException("dataset 'csv' expects csv:FILE[,label=COLUMN], got '" + argument + "'");
            }
            label = parts[1].substring("label=".length());
        }
        Path file = Path.of(parts[0]);
        String column = CsvTables.labelColumn(file, label);
        MutableDataset<Label> table = CsvTables.load(file, column);
        TableEncoding encoding = TableEncoding.fit(table, column);
        return new TabularDataset(table, encoding, file + " (" + table.size() + " rows, " + encoding.dimension() + " features, classes "
                + String.join("/", encoding.classes()) + ")");
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
