package io.gan4j.cli;

import io.gan4j.core.run.TrainedModel;
import io.gan4j.data.tabular.GeneratedDataProvenance;
import io.gan4j.data.tabular.GeneratedExamples;
import io.gan4j.data.tabular.TableEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * {@code RunClasses} handles the classes of a conditional run: class arguments (an index, or a class
 * name of a run trained on a table) and generated table rows labelled with their class names.
 */
final class RunClasses {

    private RunClasses() {}

    /**
     * Returns generated vectors as Tribuo rows in original units, with provenance naming the run, its
     * weights and step, the seed and the count per class.
     */
    static MutableDataset<Label> generatedRows(TrainedModel model, Path run, TableEncoding encoding, float[] samples, int[] labels,
            long seed) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int label : labels) {
            counts.merge(encoding.classes().get(label), 1, Integer::sum);
        }
        GeneratedDataProvenance provenance = new GeneratedDataProvenance(model.record().spec().variant(), run.toString(),
                model.weights().getFileName().toString(), model.step(), seed, counts);
        return GeneratedExamples.toDataset(samples, labels, encoding, provenance);
    }

    /** Returns the run's table encoding, when it was trained on a table. */
    static Optional<TableEncoding> encoding(Path run) {
        Path file = run.resolve(TableEncoding.FILE);
        return Files.isRegularFile(file) ? Optional.of(TableEncoding.read(file)) : Optional.empty();
    }

    /**
     * Returns the class index {@code value} names.
     *
     * @throws IllegalArgumentException naming the valid classes
     */
    static int resolve(String value, int numClasses, Optional<TableEncoding> encoding) {
        if (numClasses == 0) {
            throw new IllegalArgumentException("--class needs a conditional generator (e.g. 'gan train cgan'); this run is unconditional");
        }
        if (encoding.isPresent() && encoding.get().classes().contains(value)) {
            return encoding.get().classIndex(value);
        }
        try {
            int c = Integer.parseInt(value.trim());
            if (c >= 0 && c < numClasses) {
                return c;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String names = encoding.map(e -> " or a name among " + String.join(", ", e.classes())).orElse("");
        throw new IllegalArgumentException("--class '" + value + "': expected an index 0.." + (numClasses - 1) + names);
    }
}
