package dev.vex.cli;

import java.util.List;
import java.util.Map;

/** What {@link OptionSpec#parse} found: option values by long name, positional words, and whether help was asked for. */
record ParsedArgs(Map<String, String> values, List<String> positional, boolean help) {
    ParsedArgs {
        values = Map.copyOf(values);
        positional = List.copyOf(positional);
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    /** The value of {@code option}, or {@code otherwise} when it was not given. */
    String value(String option, String otherwise) {
        return values.getOrDefault(option, otherwise);
    }

    /**
     * The value of {@code option} as a whole number of at least {@code min}, or {@code otherwise}.
     *
     * @throws UsageException if it is not such a number
     */
    int intValue(String option, int min, int otherwise) {
        String v = values.get(option);
        if (v == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " takes a whole number of at least " + min + ", not '" + v + "'");
    }
}
