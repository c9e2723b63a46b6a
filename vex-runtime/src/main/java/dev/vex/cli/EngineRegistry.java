package dev.vex.cli;

import dev.vex.backend.CompileOptions;
import dev.vex.compile.Target;
import dev.vex.compile.Targets;
import dev.vex.exec.Engine;
import dev.vex.interp.InterpreterEngine;
import dev.vex.runtime.cross.CrossEngine;
import dev.vex.runtime.jit.NativeEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * The engines of this build: the interpreter, and one native engine per target in vex-core's
 * registry ({@link Targets}: every {@link Target} on the class path). The same registry answers
 * which target is this machine's, so {@code vex run}, {@code vex test} and the JIT agree.
 */
final class EngineRegistry {
    /** Worker threads of the runtime an async run line runs on natively, unless told. */
    static final int DEFAULT_WORKERS = 2;
    /** Every target name the tool knows, built into this build or not (for clear messages). */
    static final List<String> KNOWN = List.of("interp", "x64", "aarch64");

    private final List<Target> targets;

    EngineRegistry() {
        this(Targets.all());
    }

    /** A registry of the given targets (tests pass their own). */
    EngineRegistry(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    /** The engines a {@code --target} value names, async run lines on the default worker count. */
    List<Engine> select(String target) {
        return select(target, DEFAULT_WORKERS);
    }

    /** As {@link #select(String, int, CompileOptions)}, native engines compiling with the defaults. */
    List<Engine> select(String target, int workers) {
        return select(target, workers, CompileOptions.DEFAULT);
    }

    /**
     * The engines a {@code --target} value names; {@code all} is every engine available,
     * {@code host} this machine's native engine (the interpreter where there is none).
     *
     * @throws UsageException if the name is unknown or that target is not in this build
     */
    List<Engine> select(String target, int workers, CompileOptions options) {
        List<Engine> engines = new ArrayList<>();
        if (target.equals("all")) {
            engines.add(new InterpreterEngine());
            targets.forEach(t -> engines.add(NativeEngine.of(t, workers, options)));
            return engines;
        }
        if (target.equals("host")) {
            Target t = Targets.host();
            return List.of(t != null && targets.contains(t) ? NativeEngine.of(t, workers, options) : new InterpreterEngine());
        }
        if (target.equals("interp")) {
            return List.of(new InterpreterEngine());
        }
        Target t = find(target);
        if (t != null) {
            // A target that is not this machine's runs under qemu-user when the tools are there.
            boolean host = t.name().equals(hostTarget());
            return List.of(host ? NativeEngine.of(t, workers, options) : new CrossEngine(t, options.nanCanonicalization()));
        }
        if (KNOWN.contains(target)) {
            throw new UsageException("target '" + target + "' is not available in this build of Vex yet"
                    + " (available: " + available() + ")");
        }
        throw new UsageException("unknown target '" + target + "' (known: " + String.join(", ", KNOWN) + ", host, all)");
    }

    /** The compiler named {@code name}, or null if this build has none. */
    Target find(String name) {
        for (Target t : targets) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** This machine's target name, or null when this build has none. */
    static String hostTarget() {
        Target t = Targets.host();
        return t == null ? null : t.name();
    }

    String available() {
        List<String> names = new ArrayList<>(List.of("interp"));
        targets.forEach(t -> names.add(t.name()));
        return String.join(", ", names);
    }
}
