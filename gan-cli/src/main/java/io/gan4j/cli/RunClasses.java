package io.gan4j.cli;

import io.gan4j.data.tabular.TableEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code RunClasses} resolves class arguments of a conditional run: an index, or a class name of a tabular run. */
final class RunClasses {

    private RunClasses() {}

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
