package dev.vex.x64.asm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable set of {@link CpuFeature}s the generated code may use.
 *
 * <p>{@link #host()} detects the running CPU (on Linux, from {@code /proc/cpuinfo}); tests and
 * ahead-of-time compilation pass an explicit set made with {@link #of}, {@link #none()} or
 * {@link #all()}. The {@link X64Assembler} refuses to emit an instruction whose feature is not in
 * its set, because several of them (lzcnt, tzcnt) silently mean something else on CPUs without
 * the feature.
 */
public final class CpuFeatures {
    private static final CpuFeatures NONE = new CpuFeatures(0);
    private static final CpuFeatures ALL = new CpuFeatures((1 << CpuFeature.values().length) - 1);
    private static volatile CpuFeatures host;

    private final int mask;

    private CpuFeatures(int mask) {
        this.mask = mask;
    }

    /** Baseline x86-64: SSE2 and nothing optional. */
    public static CpuFeatures none() {
        return NONE;
    }

    /** Every feature the assembler knows. */
    public static CpuFeatures all() {
        return ALL;
    }

    public static CpuFeatures of(CpuFeature... features) {
        int m = 0;
        for (CpuFeature f : features) {
            m |= f.bit();
        }
        return new CpuFeatures(m);
    }

    /**
     * The features of the CPU this JVM runs on, detected once. On Linux they come from the flags
     * line of {@code /proc/cpuinfo}; elsewhere, or if it cannot be read, the answer is
     * {@link #none()}, which is always safe.
     */
    public static CpuFeatures host() {
        CpuFeatures h = host;
        if (h == null) {
            h = detect(Path.of("/proc/cpuinfo"));
            host = h;
        }
        return h;
    }

    /** Reads the first {@code flags} line of a {@code /proc/cpuinfo}-format file. */
    static CpuFeatures detect(Path cpuinfo) {
        try {
            return fromCpuinfo(Files.readString(cpuinfo));
        } catch (IOException | SecurityException e) {
            return NONE;
        }
    }

    /** Parses {@code /proc/cpuinfo} text: the features whose Linux flag is on the first flags line. */
    public static CpuFeatures fromCpuinfo(String text) {
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).trim().equals("flags")) {
                continue;
            }
            Set<String> flags = new HashSet<>(Arrays.asList(line.substring(colon + 1).trim().split("\\s+")));
            int m = 0;
            for (CpuFeature f : CpuFeature.values()) {
                if (flags.contains(f.linuxFlag)) {
                    m |= f.bit();
                }
            }
            return new CpuFeatures(m);
        }
        return NONE;
    }

    public boolean has(CpuFeature feature) {
        return (mask & feature.bit()) != 0;
    }

    /** Bit {@code ordinal} set for each feature present; checked on the assembler's hot path. */
    int mask() {
        return mask;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuFeatures other && other.mask == mask;
    }

    @Override
    public int hashCode() {
        return mask;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (CpuFeature f : CpuFeature.values()) {
            if (has(f)) {
                names.add(f.name());
            }
        }
        return "CpuFeatures" + names;
    }
}
