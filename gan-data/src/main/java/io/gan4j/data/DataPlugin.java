package io.gan4j.data;

import io.gan4j.core.data.Dataset;
import io.gan4j.core.data.DatasetFactory;
import io.gan4j.core.data.DatasetSources;
import io.gan4j.core.event.Progress;
import io.gan4j.core.plugin.GanPlugin;
import io.gan4j.data.derived.ClassFilter;
import io.gan4j.data.derived.ClusterLabels;
import io.gan4j.data.derived.FewLabels;
import io.gan4j.data.derived.IndexRange;
import io.gan4j.data.derived.RestyledDataset;
import io.gan4j.data.domains.ImageDomains;
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
 * (MNIST, Fashion-MNIST), {@code folder:DIR[,size=N]} for image files, {@code csv:FILE[,label=COLUMN]} for
 * labelled tables, {@code stacked-mnist[:N][@SPEC]}, and the toy
 * mixtures {@code ring8[:N]}, {@code grid25[:N]}; and datasets derived from others: {@code
 * range:FROM-TO@SPEC}, {@code restyle:T1,T2@SPEC}, {@code exclude:K@SPEC}, {@code fewlabels:N@SPEC}, {@code clusters:K@SPEC} and
 * {@code unpaired:A_SPEC|B_SPEC}, {@code paired:A_SPEC|B_SPEC}.
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
                DatasetFactory.of("folder", "DIR[,size=N]", "a directory of PNG/JPEG images (class subdirectories give labels);"
                        + " of one size, or scaled to NxN", (arg, seed, sources) -> folder(arg, sources == null ? Progress.NONE : sources.progress())),
                DatasetFactory.derived("range", "FROM-TO@SPEC", "samples FROM (inclusive) to TO (exclusive) of another dataset,"
                        + " e.g. range:0-30000@idx:train-images-idx3-ubyte.gz", (arg, sources) -> {
                            String[] parts = derivedArgument("range", "FROM-TO@SPEC", arg);
                            return IndexRange.parse(parts[0], sources.open(parts[1]));
                        }),
                DatasetFactory.derived("restyle", "T1[,T2...]@SPEC", "images of another dataset with known transforms applied in order"
                        + " (invert, thicken, thin, mirror, edges), labels kept: a second domain whose true mapping is known",
                        (arg, sources) -> {
                            String[] parts = derivedArgument("restyle", "T1[,T2...]@SPEC", arg);
                            return RestyledDataset.parse(parts[0], sources.open(parts[1]));
                        }),
                DatasetFactory.derived("exclude", "K[,K...]@SPEC", "the samples of a labelled dataset not of the given classes"
                        + " (one-class anomaly protocol: train on the normal classes)", (arg, sources) -> {
                            String[] parts = derivedArgument("exclude", "K[,K...]@SPEC", arg);
                            return ClassFilter.parse(parts[0], sources.open(parts[1]));
                        }),
                DatasetFactory.derived("fewlabels", "N[,seed=S]@SPEC", "a labelled image dataset as semi-supervised learning sees it:"
                        + " all images unlabelled plus N labelled ones, N / classes per class drawn by seed S (default 1), e.g."
                        + " fewlabels:100@idx:train-images-idx3-ubyte.gz,train-labels-idx1-ubyte.gz (gan train sgan)", (arg, sources) -> {
                            String[] parts = derivedArgument("fewlabels", "N[,seed=S]@SPEC", arg);
                            return FewLabels.parse(parts[0], sources.open(parts[1]));
                        }),
                DatasetFactory.of("clusters", "K@SPEC", "the samples of another dataset labelled by K k-means clusters of their"
                        + " values, its own labels ignored: a conditional GAN on them is cluster-conditional (self-conditioned GAN,"
                        + " fixed clusters)", (arg, seed, sources) -> {
                            String[] parts = derivedArgument("clusters", "K@SPEC", arg);
                            if (sources == null) {
                                throw new UnsupportedOperationException("clusters opens its source through the plugin registry");
                            }
                            return ClusterLabels.parse(parts[0], sources.open(parts[1]), seed, sources.progress());
                        }),
                DatasetFactory.derived("unpaired", "A_SPEC|B_SPEC", "two image domains for unpaired translation (gan train cyclegan"
                        + " --a A_SPEC --b B_SPEC)", (arg, sources) -> {
                            String[] parts = domains("unpaired", arg);
                            return ImageDomains.unpaired(sources.open(parts[0]), sources.open(parts[1]));
                        }),
                DatasetFactory.derived("paired", "A_SPEC|B_SPEC", "two equally long image domains aligned by index, B[i] the"
                        + " counterpart of A[i], for paired translation (gan train pix2pix --a A_SPEC --b B_SPEC)", (arg, sources) -> {
                            String[] parts = domains("paired", arg);
                            return ImageDomains.paired(sources.open(parts[0]), sources.open(parts[1]));
                        }),
                DatasetFactory.of("csv", "FILE[,label=COLUMN]", "labelled numeric CSV table via Tribuo (label: last column unless named);"
                        + " features standardized, the scaling kept in the run", (arg, seed) -> csv(arg)),
                DatasetFactory.of("stacked-mnist", "[N][@SPEC]", "Stacked MNIST: 3 digits as RGB channels, 1,000 modes; N samples (default "
                        + DEFAULT_STACKED + ") drawn from the embedded digits, or from the labelled 28x28 digits of SPEC (e.g. all of MNIST's"
                        + " training split, as PacGAN)", DataPlugin::stackedMnist),
                toy(ToyMixture.ring8(), "ring of 8 Gaussians, radius 2, sigma 0.02 (VEEGAN/PacGAN)"),
                toy(ToyMixture.grid25(), "5x5 grid of 25 Gaussians, spacing 2, sigma 0.05 (VEEGAN/PacGAN)"));
    }

    /** Splits {@code A_SPEC|B_SPEC} at the first bar. */
    private static String[] domains(String kind, String argument) {
        int bar = argument.indexOf('|');
        if (bar <= 0 || bar == argument.length() - 1) {
            throw new IllegalArgumentException("dataset '" + kind + "' expects " + kind + ":A_SPEC|B_SPEC, got '" + argument + "'");
        }
        return new String[] {argument.substring(0, bar), argument.substring(bar + 1)};
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

    private static Dataset folder(String argument, Progress progress) {
        if (argument.isBlank()) {
            throw new IllegalArgumentException("dataset 'folder' needs a directory: folder:DIR[,size=N]");
        }
        int comma = argument.lastIndexOf(",size=");
        if (comma < 0) {
            return ImageFolder.open(Path.of(argument), 0, progress);
        }
        String size = argument.substring(comma + ",size=".length());
        try {
            int n = Integer.parseInt(size.trim());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return ImageFolder.open(Path.of(argument.substring(0, comma)), n, progress);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dataset 'folder' expects size=N with N > 0, got size=" + size);
        }
    }

    /** Opens {@code [N][@SPEC]}: N triples of the embedded digits, or of SPEC's digits opened through {@code sources}. */
    private static Dataset stackedMnist(String argument, long seed, DatasetSources sources) {
        int at = argument.indexOf('@');
        if (at < 0) {
            return new StackedMnist(IdxDatasets.embeddedMnist(), count("stacked-mnist", argument, DEFAULT_STACKED), seed);
        }
        if (at == argument.length() - 1) {
            throw new IllegalArgumentException("dataset 'stacked-mnist' expects stacked-mnist:[N][@SPEC], got '" + argument + "'");
        }
        if (sources == null) {
            throw new UnsupportedOperationException("stacked-mnist from another dataset opens it through the plugin registry");
        }
        return new StackedMnist(sources.open(argument.substring(at + 1)), count("stacked-mnist", argument.substring(0, at), DEFAULT_STACKED),
                seed);
    }

    /** Splits {@code ARGS@SPEC} at the first {@code @}, with a message showing {@code form} when it is missing. */
    private static String[] derivedArgument(String dataset, String form, String argument) {
        int at = argument.indexOf('@');
        if (at <= 0 || at == argument.length() - 1) {
            throw new IllegalArgumentException("dataset '" + dataset + "' expects " + dataset + ":" + form + ", got '" + argument + "'");
        }
        return new String[] {argument.substring(0, at), argument.substring(at + 1)};
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
