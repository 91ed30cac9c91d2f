package io.gan4j.data.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CsvValidation} reads a labelled CSV table once, with bounded memory, before Tribuo loads it, and
 * names the first problem at its line and column: a line longer than {@value #MAX_LINE} characters, a
 * separator other than the comma, a duplicate column name (Tribuo would merge the columns), a row with
 * the wrong number of fields, or a feature value that is not a number, not finite or out of range
 * (|x| > {@value #MAX_MAGNITUDE}, where standardizing the column would overflow).
 */
final class CsvValidation {

    /** The longest line read, in characters. */
    static final int MAX_LINE = 1 << 20;
    /** The largest feature magnitude accepted. */
    static final double MAX_MAGNITUDE = 1e15;

    private CsvValidation() {}

    /**
     * Checks the file's header line (one per column, comma-separated, names unique) and returns it.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with its header
     */
    static List<String> header(Path file) {
        try (BufferedReader reader = open(file)) {
            return header(reader, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the whole file: its header, that it has {@code label} (or, when null, takes the last column),
     * and every row.
     *
     * @throws IllegalArgumentException naming the file, the line and the column at fault
     */
    static void check(Path file, String label) {
        try (BufferedReader reader = open(file)) {
            List<String> header = header(reader, file);
            if (label != null && !header.contains(label)) {
                throw new IllegalArgumentException(file + ": no label column '" + label + "'; columns: " + String.join(", ", header));
            }
            int labelIndex = header.indexOf(label == null ? header.get(header.size() - 1) : label);
            int rows = 0;
            for (int lineNumber = 2;; lineNumber++) {
                String line = readLine(reader, file, lineNumber);
                if (line == null) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> values = fields(line);
                if (values.size() != header.size()) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": " + values.size() + " fields, the header has "
                            + header.size());
                }
                for (int c = 0; c < values.size(); c++) {
                    if (c != labelIndex) {
                        checkValue(file, lineNumber, header.get(c), values.get(c));
                    }
                }
                rows++;
            }
            if (rows == 0) {
                throw new IllegalArgumentException(file + ": no data rows");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such CSV file: " + file);
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private static List<String> header(BufferedReader reader, Path file) throws IOException {
        String headerLine = readLine(reader, file, 1);
        if (headerLine == null || headerLine.isBlank()) {
            throw new IllegalArgumentException(file + ": empty file, expected a header row");
        }
        List<String> header = fields(headerLine);
        if (header.size() == 1) {
            for (String separator : new String[] {";", "\t", "|"}) {
                if (headerLine.contains(separator)) {
                    throw new IllegalArgumentException(file + ": the header has one column and contains '"
                            + (separator.equals("\t") ? "\\t" : separator) + "'; expected comma-separated values");
                }
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            Integer before = seen.putIfAbsent(header.get(c), c + 1);
            if (before != null) {
                throw new IllegalArgumentException(file + ": column '" + header.get(c) + "' appears twice in the header (columns "
                        + before + " and " + (c + 1) + ")");
            }
        }
        return header;
    }

    private static void checkValue(Path file, int line, String column, String text) {
        String where = file + " line " + line + ", column '" + column + "': ";
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "'" + shorten(text) + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(where + text + " is not a finite number");
        }
        if (Math.abs(value) > MAX_MAGNITUDE) {
            throw new IllegalArgumentException(where + text + " is out of range (|x| <= " + MAX_MAGNITUDE + ")");
        }
    }

    /** Reads a line of at most {@link #MAX_LINE} characters, or null at the end. */
    private static String readLine(Reader reader, Path file, int lineNumber) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = reader.read(); c >= 0; c = reader.read()) {
            if (c == '\n') {
                return strip(line);
            }
            if (line.length() >= MAX_LINE) {
                throw new IllegalArgumentException(file + " line " + lineNumber + " is longer than " + MAX_LINE + " characters");
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : strip(line);
    }

    private static String strip(StringBuilder line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }

    /** Splits a line at commas outside double quotes, trimming fields and removing their quotes. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString().trim());
        return out;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
