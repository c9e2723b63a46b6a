package dev.vex.backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which optional CPU features generated code may use, as an option of the compile: the host's
 * ({@link #host()}, the JIT's default), the target's documented baseline ({@link #baseline()},
 * the default ahead of time; on x86-64 that is x86-64 v1 with SSE2 and nothing more), or the
 * baseline plus an explicit list of feature names ({@link #of}). Names are the target's, in lower
 * case ({@code lzcnt}, {@code bmi2}); the driver checks them against the target's list.
 *
 * <p>Only {@code host} depends on the machine that compiles, and only where the target resolves
 * it (the edge); with {@code baseline} or a list, compiling is a pure function of the module and
 * the options.
 */
public final class CpuFeatureSet {
    private static final CpuFeatureSet HOST = new CpuFeatureSet(true, Set.of());
    private static final CpuFeatureSet BASELINE = new CpuFeatureSet(false, Set.of());

    private final boolean host;
    private final Set<String> names;

    private CpuFeatureSet(boolean host, Set<String> names) {
        this.host = host;
        this.names = names;
    }

    /** Whatever the CPU that compiles has (read by the target, once). */
    public static CpuFeatureSet host() {
        return HOST;
    }

    /** The target's baseline: no optional feature. */
    public static CpuFeatureSet baseline() {
        return BASELINE;
    }

    /** The baseline plus exactly these features. */
    public static CpuFeatureSet of(String... names) {
        return of(List.of(names));
    }

    /** The baseline plus exactly these features. */
    public static CpuFeatureSet of(Iterable<String> names) {
        Set<String> set = new TreeSet<>();
        for (String n : names) {
            set.add(n.toLowerCase(Locale.ROOT));
        }
        return set.isEmpty() ? BASELINE : new CpuFeatureSet(false, Collections.unmodifiableSet(set));
    }

    /**
     * Parses the command line's form: {@code host}, {@code baseline}, or a comma-separated list of
     * {@code +feature} items (the {@code +} may be left off).
     *
     * @throws IllegalArgumentException if the text is empty or an item is empty
     */
    public static CpuFeatureSet parse(String text) {
        String t = text.trim();
        if (t.equals("host")) {
            return HOST;
        }
        if (t.equals("baseline")) {
            return BASELINE;
        }
        List<String> items = new ArrayList<>();
        for (String item : t.split(",", -1)) {
            String name = item.trim();
            if (name.startsWith("+")) {
                name = name.substring(1);
            }
            if (name.isEmpty() || name.startsWith("-")) {
                throw new IllegalArgumentException("--cpu takes host, baseline or +feature,+feature,..., not '" + text + "'");
            }
            items.add(name);
        }
        return of(items);
    }

    public boolean isHost() {
        return host;
    }

    /** The features beyond the baseline; empty for {@code host} (the target resolves it). */
    public Set<String> names() {
        return names;
    }

    public boolean has(String name) {
        return names.contains(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuFeatureSet s && s.host == host && s.names.equals(names);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(host) * 31 + names.hashCode();
    }

    /** The command line's form: {@code host}, {@code baseline}, or {@code +a,+b}. */
    @Override
    public String toString() {
        if (host) {
            return "host";
        }
        if (names.isEmpty()) {
            return "baseline";
        }
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "+" : ",+").append(n);
        }
        return sb.toString();
    }
}
