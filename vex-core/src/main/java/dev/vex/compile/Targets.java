package dev.vex.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * The targets of this build, found with {@link ServiceLoader} (each target module lists its
 * {@link Target} in {@code META-INF/services/dev.vex.compile.Target}). Targets hold no
 * per-compile state, so one object of each serves every caller.
 */
public final class Targets {
    private static volatile List<Target> found;

    private Targets() {
    }

    /** Every target on the class path, in the order the service loader found them. */
    public static List<Target> all() {
        List<Target> f = found;
        if (f == null) {
            List<Target> list = new ArrayList<>();
            for (Target t : ServiceLoader.load(Target.class, Targets.class.getClassLoader())) {
                list.add(t);
            }
            f = List.copyOf(list);
            found = f;
        }
        return f;
    }

    /** The target named {@code name}, or null if this build has none. */
    public static Target find(String name) {
        for (Target t : all()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The target for the JVM's {@code os.arch} value {@code osArch}, or null. */
    public static Target forOsArch(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        for (Target t : all()) {
            if (t.osArchNames().contains(arch)) {
                return t;
            }
        }
        return null;
    }

    /** The target for the machine this JVM runs on, or null if this build has none. */
    public static Target host() {
        return forOsArch(System.getProperty("os.arch", ""));
    }
}
