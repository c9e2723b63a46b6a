package dev.vex.runtime.jit;

import dev.vex.backend.Target;
import dev.vex.x64.asm.CpuFeatures;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * The compilers of this build, by name. A {@link Target} registered with {@link ServiceLoader}
 * wins; otherwise the x64 target is {@code dev.vex.x64.X64Target}, built for the host's CPU
 * features ({@code /proc/cpuinfo}). It is looked up by name so that this module builds before
 * the x64 compiler exists.
 */
public final class Targets {
    static final String X64_CLASS = "dev.vex.x64.X64Target";

    /** Read once: the host's features do not change. Targets themselves are made per call,
     * since a compiler may keep scratch state that is not safe to share between threads. */
    private static volatile CpuFeatures hostFeatures;

    private Targets() {
    }

    /** The name of the target for the machine this JVM runs on, or null if Vex has none. */
    public static String hostName() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
    }

    /** The compiler for this machine. */
    public static Target host() {
        String name = hostName();
        if (name == null) {
            throw new JitException("Vex generates no code for this machine (" + System.getProperty("os.arch") + ")");
        }
        return named(name);
    }

    /** A new compiler named {@code name} ({@code x64}, {@code aarch64}). */
    public static Target named(String name) {
        Target t = find(name);
        if (t == null) {
            throw new JitException("the " + name + " compiler is not in this build of Vex");
        }
        return t;
    }

    /** Whether {@link #named} would find the compiler. */
    public static boolean available(String name) {
        try {
            return find(name) != null;
        } catch (JitException e) {
            return false;
        }
    }

    private static CpuFeatures hostFeatures() {
        CpuFeatures f = hostFeatures;
        if (f == null) {
            f = CpuFeatures.host();
            hostFeatures = f;
        }
        return f;
    }

    private static Target find(String name) {
        for (Target t : ServiceLoader.load(Target.class)) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        if (!name.equals("x64")) {
            return null;
        }
        Class<?> c;
        try {
            c = Class.forName(X64_CLASS);
        } catch (ClassNotFoundException e) {
            return null;
        }
        try {
            return (Target) c.getConstructor(CpuFeatures.class).newInstance(hostFeatures());
        } catch (NoSuchMethodException e) {
            try {
                return (Target) c.getConstructor().newInstance();
            } catch (ReflectiveOperationException e2) {
                throw new JitException("cannot construct " + X64_CLASS + ": " + e2);
            }
        } catch (InvocationTargetException e) {
            throw new JitException("cannot construct " + X64_CLASS + ": " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new JitException("cannot construct " + X64_CLASS + ": " + e);
        }
    }
}
