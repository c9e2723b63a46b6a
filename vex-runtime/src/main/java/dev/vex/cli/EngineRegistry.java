package dev.vex.cli;

import dev.vex.exec.Engine;
import dev.vex.exec.EngineProvider;
import dev.vex.interp.InterpreterEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The engines this build of Vex has: the interpreter, and each native target found on the class path. */
final class EngineRegistry {
    /** Every target the tool knows by name, built into this build or not. */
    static final List<String> KNOWN = List.of("interp", "x64", "aarch64");

    private final Map<String, EngineProvider> providers = new LinkedHashMap<>();

    EngineRegistry() {
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            providers.putIfAbsent(p.name(), p);
        }
    }

    /**
     * The engines a {@code --target} value names; {@code all} is every engine available.
     *
     * @throws UsageException if the name is unknown or that target is not in this build
     */
    List<Engine> select(String target) {
        List<Engine> engines = new ArrayList<>();
        if (target.equals("all")) {
            engines.add(new InterpreterEngine());
            providers.values().forEach(p -> engines.add(p.create()));
            return engines;
        }
        if (target.equals("host")) {
            EngineProvider native_ = providers.get(hostTarget());
            return List.of(native_ != null ? native_.create() : new InterpreterEngine());
        }
        if (target.equals("interp")) {
            return List.of(new InterpreterEngine());
        }
        EngineProvider p = providers.get(target);
        if (p != null) {
            return List.of(p.create());
        }
        if (KNOWN.contains(target)) {
            throw new UsageException("target '" + target + "' is not available in this build of Vex yet"
                    + " (available: " + available() + ")");
        }
        throw new UsageException("unknown target '" + target + "' (known: " + String.join(", ", KNOWN) + ", all)");
    }

    /** The native target of the machine the tool runs on, by the JVM's idea of it. */
    static String hostTarget() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64" -> "aarch64";
            default -> "interp";
        };
    }

    private String available() {
        List<String> names = new ArrayList<>(List.of("interp"));
        names.addAll(providers.keySet());
        return String.join(", ", names);
    }
}
