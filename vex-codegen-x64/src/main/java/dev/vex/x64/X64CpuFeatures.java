package dev.vex.x64;

import dev.vex.backend.CpuFeatureSet;
import dev.vex.x64.asm.CpuFeature;
import dev.vex.x64.asm.CpuFeatures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The x86-64 target's CPU features by the names {@code dev.vex.backend.CpuFeatureSet} uses: each
 * {@link CpuFeature} in lower case ({@code sse4_1}, {@code popcnt}, {@code lzcnt}, {@code bmi1},
 * {@code bmi2}, {@code fma}). The baseline (no name) is x86-64 v1 with SSE2: what every x86-64
 * CPU has.
 */
public final class X64CpuFeatures {
    /** Every name, sorted. */
    public static final Set<String> KNOWN;

    static {
        Set<String> names = new TreeSet<>();
        for (CpuFeature f : CpuFeature.values()) {
            names.add(nameOf(f));
        }
        KNOWN = Collections.unmodifiableSet(names);
    }

    private X64CpuFeatures() {
    }

    /** Every feature this target knows, as a compile option (what tests and goldens use). */
    public static CpuFeatureSet all() {
        return CpuFeatureSet.of(KNOWN);
    }

    /** The option name of {@code feature}. */
    public static String nameOf(CpuFeature feature) {
        return feature.name().toLowerCase(Locale.ROOT);
    }

    /** The assembler's set for names from {@link #KNOWN}. */
    public static CpuFeatures toAssembler(Set<String> names) {
        List<CpuFeature> list = new ArrayList<>();
        for (CpuFeature f : CpuFeature.values()) {
            if (names.contains(nameOf(f))) {
                list.add(f);
            }
        }
        return CpuFeatures.of(list.toArray(new CpuFeature[0]));
    }

    /** The names of the features in {@code features}. */
    public static Set<String> namesOf(CpuFeatures features) {
        Set<String> names = new TreeSet<>();
        for (CpuFeature f : CpuFeature.values()) {
            if (features.has(f)) {
                names.add(nameOf(f));
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
