package io.gan4j.data.tabular;

import io.gan4j.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.data.csv.CSVSaver;

/**
 * {@code CsvTables} reads and writes labelled CSV tables with Tribuo's {@link CSVLoader} and
 * {@link CSVSaver}: a header row, numeric feature columns and one label column.
 */
public final class CsvTables {

    private CsvTables() {}

    /**
     * Loads a CSV file.
     *
     * @param file the CSV file
     * @param label the label column (see {@link #labelColumn})
     * @return the labelled rows, with Tribuo's provenance of the file
     * @throws IllegalArgumentException naming the file when it is missing, empty or malformed
     */
    public static MutableDataset<Label> load(Path file, String label) {
        CsvValidation.check(file, label);
        try {
            MutableDataset<Label> data = new CSVLoader<>(new LabelFactory()).load(file, label);
            if (data.size() == 0) {
                throw new IllegalArgumentException(file + ": no data rows");
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a numeric CSV table with label column '" + label + "' ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Writes {@code data} as CSV with its label in column {@code labelColumn}, atomically. */
    public static void save(org.tribuo.Dataset<Label> data, Path file, String labelColumn) {
        AtomicFiles.write(file, out -> {
            // CSVSaver writes only to a path; its output is then published atomically.
            Path staging = Files.createTempFile("gan4j-table", ".csv");
            try {
                new CSVSaver().save(staging, data, labelColumn);
                Files.copy(staging, out);
            } finally {
                Files.deleteIfExists(staging);
            }
        });
    }

    /** Returns {@code requested}, or when it is null the last column of the CSV header (the default label column). */
    public static String labelColumn(Path file, String requested) {
        if (requested != null) {
            return requested;
        }
        List<String> header = CsvValidation.header(file);
        return header.get(header.size() - 1);
    }
}
