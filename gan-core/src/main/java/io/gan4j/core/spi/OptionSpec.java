package io.gan4j.core.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@code OptionSpec} declares one typed, validated option of a plugin: its name, type, default,
 * bounds (numbers) or choices (enumerations), and a description for {@code gan list}.
 *
 * @param name kebab-case option name
 * @param type value type
 * @param defaultValue default, as text; it must itself be valid
 * @param description one line for humans
 * @param min inclusive lower bound for numbers
 * @param max inclusive upper bound for numbers
 * @param choices allowed values for {@link Type#CHOICE}
 */
public record OptionSpec(
        String name,
        Type type,
        String defaultValue,
        String description,
        double min,
        double max,
        List<String> choices) {

    /** The value types an option can have. */
    public enum Type {
        /** A whole number between {@code min} and {@code max}. */
        INT,
        /** A real number between {@code min} and {@code max}. */
        DOUBLE,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** Any text. */
        STRING,
        /** One of {@code choices}. */
        CHOICE
    }

    /**
     * Validates the declaration, including that its default parses.
     *
     * @param name the option's kebab-case name
     * @param type value type
     * @param defaultValue default, as text; it must itself be valid
     * @param description a one-line description
     * @param min inclusive lower bound for numbers
     * @param max inclusive upper bound for numbers
     * @param choices allowed values for {@link Type#CHOICE}
     */
    public OptionSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(defaultValue, "defaultValue is null");
        Objects.requireNonNull(description, "description is null");
        choices = List.copyOf(choices);
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("option name must be kebab-case, was '" + name + "'");
        }
        if (min > max) {
            throw new IllegalArgumentException("option '" + name + "': min " + min + " > max " + max);
        }
        if (type == Type.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("option '" + name + "': a choice needs choices");
        }
    }

    /**
     * Returns an integer option bounded to [min, max].
     *
     * @param name the option's kebab-case name
     * @param defaultValue the value used when the user gives none
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @param description a one-line description
     * @return an integer option bounded to [min, max]
     */
    public static OptionSpec integer(String name, int defaultValue, int min, int max, String description) {
        return checked(new OptionSpec(name, Type.INT, Integer.toString(defaultValue), description, min, max, List.of()));
    }

    /**
     * Returns a real-valued option bounded to [min, max].
     *
     * @param name the option's kebab-case name
     * @param defaultValue the value used when the user gives none
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @param description a one-line description
     * @return a real-valued option bounded to [min, max]
     */
    public static OptionSpec real(String name, double defaultValue, double min, double max, String description) {
        return checked(new OptionSpec(name, Type.DOUBLE, Double.toString(defaultValue), description, min, max, List.of()));
    }

    /**
     * Returns a boolean option.
     *
     * @param name the option's kebab-case name
     * @param defaultValue the value used when the user gives none
     * @param description a one-line description
     * @return a boolean option
     */
    public static OptionSpec bool(String name, boolean defaultValue, String description) {
        return checked(new OptionSpec(name, Type.BOOLEAN, Boolean.toString(defaultValue), description, 0, 0, List.of()));
    }

    /**
     * Returns a free-text option.
     *
     * @param name the option's kebab-case name
     * @param defaultValue the value used when the user gives none
     * @param description a one-line description
     * @return a free-text option
     */
    public static OptionSpec text(String name, String defaultValue, String description) {
        return new OptionSpec(name, Type.STRING, defaultValue, description, 0, 0, List.of());
    }

    /**
     * Returns an option restricted to the given choices.
     *
     * @param name the option's kebab-case name
     * @param defaultValue the value used when the user gives none
     * @param description a one-line description
     * @param choices allowed values for {@link Type#CHOICE}
     * @return an option restricted to the given choices
     */
    public static OptionSpec choice(String name, String defaultValue, String description, String... choices) {
        return checked(new OptionSpec(name, Type.CHOICE, defaultValue, description, 0, 0, List.of(choices)));
    }

    private static OptionSpec checked(OptionSpec spec) {
        spec.parse("declaration", spec.defaultValue);
        return spec;
    }

    /**
     * Parses and validates a raw value.
     *
     * @param owner what the option belongs to, for the error message (e.g. {@code "variant 'dcgan'"})
     * @param raw the text to parse
     * @return an {@code Integer}, {@code Double}, {@code Boolean} or {@code String}
     * @throws IllegalArgumentException naming the option and what was expected
     */
    public Object parse(String owner, String raw) {
        String text = raw.trim();
        String where = "option '" + name + "' of " + owner;
        switch (type) {
            case INT -> {
                int value;
                try {
                    value = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + " expects an integer, got '" + raw + "'");
                }
                if (value < min || value > max) {
                    throw new IllegalArgumentException(
                            where + " expects an integer in [" + (long) min + ", " + (long) max + "], got " + value);
                }
                return value;
            }
            case DOUBLE -> {
                double value;
                try {
                    value = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + " expects a number, got '" + raw + "'");
                }
                if (!(value >= min && value <= max)) {
                    throw new IllegalArgumentException(where + " expects a number in [" + min + ", " + max + "], got " + raw);
                }
                return value;
            }
            case BOOLEAN -> {
                String lower = text.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw new IllegalArgumentException(where + " expects true or false, got '" + raw + "'");
                }
                return Boolean.parseBoolean(lower);
            }
            case CHOICE -> {
                if (!choices.contains(text)) {
                    throw new IllegalArgumentException(where + " expects one of " + choices + ", got '" + raw + "'");
                }
                return text;
            }
            default -> {
                return raw;
            }
        }
    }

    /**
     * Returns a short human description of the accepted values, e.g. {@code int in [1, 512]}.
     *
     * @return a short human description of the accepted values, e.g
     */
    public String valueHint() {
        return switch (type) {
            case INT -> "int in [" + (long) min + ", " + (long) max + "]";
            case DOUBLE -> "number in [" + min + ", " + max + "]";
            case BOOLEAN -> "true|false";
            case CHOICE -> String.join("|", choices);
            case STRING -> "text";
        };
    }
}
