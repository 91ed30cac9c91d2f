package io.gan4j.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * {@code DatasetSpecs} rewrites the file paths inside a dataset spec as absolute paths, so that a
 * run's {@code run.json} names its data wherever the run is resumed or evaluated from.
 */
public final class DatasetSpecs {

    /** Splits a spec at its separators, keeping them: {@code kind:}, {@code ,}, {@code @}, {@code |}, {@code =}. */
    private static final Pattern PARTS = Pattern.compile("(?<=[:,@|=])|(?=[:,@|=])");

    private DatasetSpecs() {}

    /**
     * Returns the spec with every part that names an existing file or directory relative to {@code base}
     * made absolute; kind names (followed by {@code :}), option names and option values ({@code name=value})
     * are left as they are.
     *
     * @param spec a dataset spec, e.g. {@code idx:data/train-images.gz,data/train-labels.gz}
     * @param base the directory relative paths are relative to (the working directory)
     * @return the spec with absolute paths
     */
    public static String withAbsolutePaths(String spec, Path base) {
        String[] parts = PARTS.split(spec);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean separator = part.length() == 1 && ":,@|=".contains(part);
            boolean name = i + 1 < parts.length && (parts[i + 1].equals(":") || parts[i + 1].equals("="));
            boolean value = i > 0 && parts[i - 1].equals("=");
            if (!separator && !name && !value && !part.isEmpty() && isRelativeFile(part, base)) {
                out.append(base.resolve(part).toAbsolutePath().normalize());
            } else {
                out.append(part);
            }
        }
        return out.toString();
    }

    private static boolean isRelativeFile(String part, Path base) {
        try {
            Path path = Path.of(part);
            return !path.isAbsolute() && Files.exists(base.resolve(path));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
