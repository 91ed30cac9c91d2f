package io.gan4j.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Options} are the resolved, validated option values of one plugin instance: every declared
 * option has a value (the user's or the default), and nothing undeclared is present.
 *
 * <p>Immutable and thread-safe.
 */
public final class Options {

    private final String owner;
    private final Map<String, Object> values;

    private Options(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Resolves raw user values against the declared options.
     *
     * @param owner what the options belong to, for messages (e.g. {@code "variant 'dcgan'"})
     * @param specs the declared options
     * @param raw the user's values by option name
     * @return the resolved options
     * @throws IllegalArgumentException on an unknown option or an invalid value, naming both
     */
    public static Options resolve(String owner, List<OptionSpec> specs, Map<String, String> raw) {
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                String valid = byName.isEmpty() ? "it has no options" : "valid options: " + String.join(", ", byName.keySet());
                throw new IllegalArgumentException("unknown option '" + key + "' for " + owner
                        + Suggestions.didYouMean(key, byName.keySet()) + "; " + valid);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (OptionSpec spec : specs) {
            String text = raw.getOrDefault(spec.name(), spec.defaultValue());
            values.put(spec.name(), spec.parse(owner, text));
        }
        return new Options(owner, values);
    }

    /**
     * Returns the defaults of the declared options.
     *
     * @param owner what the options belong to, for messages (e.g. {@code "variant 'dcgan'"})
     * @param specs the declared options
     * @return the defaults of the declared options
     */
    public static Options defaults(String owner, List<OptionSpec> specs) {
        return resolve(owner, specs, Map.of());
    }

    /**
     * Returns an integer option's value.
     *
     * @param name the option's name
     * @return an integer option's value
     */
    public int getInt(String name) {
        return (Integer) get(name);
    }

    /**
     * Returns a real option's value.
     *
     * @param name the option's name
     * @return a real option's value
     */
    public double getDouble(String name) {
        return (Double) get(name);
    }

    /**
     * Returns a boolean option's value.
     *
     * @param name the option's name
     * @return a boolean option's value
     */
    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    /**
     * Returns a text or choice option's value.
     *
     * @param name the option's name
     * @return a text or choice option's value
     */
    public String getString(String name) {
        return (String) get(name);
    }

    /**
     * Returns all values by name, in declaration order.
     *
     * @return all values by name, in declaration order
     */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * Returns all values as text by name, in declaration order: what a run records, and what {@link #resolve} reads back.
     *
     * @return all values as text by name, in declaration order
     */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((name, value) -> text.put(name, String.valueOf(value)));
        return text;
    }

    private Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(owner + " declares no option '" + name + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
