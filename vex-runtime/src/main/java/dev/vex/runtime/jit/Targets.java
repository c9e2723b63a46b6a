package dev.vex.runtime.jit;

import dev.vex.compile.Target;
import java.util.Locale;

/**
 * The JIT's view of vex-core's one target registry ({@link dev.vex.compile.Targets}, a
 * {@link java.util.ServiceLoader} over {@link Target}): which target is this machine's, and the
 * target by name, with the JIT's errors.
 */
public final class Targets {
    private Targets() {
    }

    /**
     * The name of the target for the machine this JVM runs on, or null if this build of Vex has
     * none (each target lists the {@code os.arch} names it answers to).
     */
    public static String hostName() {
        Target t = dev.vex.compile.Targets.forOsArch(System.getProperty("os.arch", "").toLowerCase(Locale.ROOT));
        return t == null ? null : t.name();
    }

    /** The compiler for this machine. */
    public static Target host() {
        String name = hostName();
        if (name == null) {
            throw new JitException("Vex generates no code for this machine (" + System.getProperty("os.arch") + ")");
        }
        return named(name);
    }

    /** The compiler named {@code name} ({@code x64}, {@code aarch64}). */
    public static Target named(String name) {
        Target t = dev.vex.compile.Targets.find(name);
        if (t == null) {
            throw new JitException("the " + name + " compiler is not in this build of Vex");
        }
        return t;
    }

    /** Whether {@link #named} would find the compiler. */
    public static boolean available(String name) {
        return dev.vex.compile.Targets.find(name) != null;
    }
}
