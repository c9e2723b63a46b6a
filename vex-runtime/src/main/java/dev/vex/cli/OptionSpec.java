package dev.vex.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of one subcommand, declared once and parsed the same way for every subcommand:
 * {@code --name value}, {@code --name=value}, flags, short aliases ({@code -o}, {@code -v}), and
 * positional arguments. {@code --help} and {@code -h} are understood everywhere. An unknown
 * option is a {@link UsageException} that names the subcommand.
 */
final class OptionSpec {
    /** One option: {@code valueName} is null for a flag. */
    record Option(String name, String alias, String valueName) {
    }

    private final String command;
    private final Map<String, Option> byName = new LinkedHashMap<>();
    private boolean dashPositionals;

    OptionSpec(String command) {
        this.command = command;
    }

    /** A flag: {@code --name} (or {@code alias}, which may be null). */
    OptionSpec flag(String name, String alias) {
        return add(new Option(name, alias, null));
    }

    /** An option with a value: {@code --name V}, {@code --name=V} (or {@code alias V}). */
    OptionSpec value(String name, String alias, String valueName) {
        return add(new Option(name, alias, valueName));
    }

    /**
     * After the first positional argument, words starting with '-' that are not options are
     * positional too ({@code vex run FILE %f(-1)} style calls).
     */
    OptionSpec dashPositionalsAfterFirst() {
        dashPositionals = true;
        return this;
    }

    String command() {
        return command;
    }

    List<Option> options() {
        return List.copyOf(byName.values());
    }

    private OptionSpec add(Option o) {
        byName.put(o.name(), o);
        if (o.alias() != null) {
            byName.put(o.alias(), o);
        }
        return this;
    }

    /**
     * Parses {@code args}.
     *
     * @throws UsageException on an unknown option or a missing value
     */
    ParsedArgs parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        List<String> positional = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                help = true;
                continue;
            }
            String inline = null;
            String key = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                key = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            Option o = a.startsWith("-") ? byName.get(key) : null;
            if (o == null) {
                if (a.startsWith("-") && a.length() > 1 && !(dashPositionals && !positional.isEmpty())) {
                    throw new UsageException("unknown option '" + a + "' for 'vex " + command + "'; try 'vex "
                            + command + " --help'");
                }
                positional.add(a);
            } else if (o.valueName() == null) {
                if (inline != null) {
                    throw new UsageException(o.name() + " takes no value");
                }
                values.put(o.name(), "");
            } else if (inline != null) {
                values.put(o.name(), inline);
            } else {
                if (i + 1 >= args.size()) {
                    throw new UsageException(o.name() + " needs a value (" + o.valueName() + ")");
                }
                values.put(o.name(), args.get(++i));
            }
        }
        return new ParsedArgs(values, positional, help);
    }
}
