package dev.vex.x64.asm;

/**
 * The optional x86-64 extensions the assembler can encode, beyond the SSE2 every x86-64 CPU has.
 * Each knows the flag Linux prints for it in {@code /proc/cpuinfo}.
 */
public enum CpuFeature {
    /** {@code roundss}, {@code roundsd}. */
    SSE4_1("sse4_1"),
    /** {@code popcnt}. */
    POPCNT("popcnt"),
    /** {@code lzcnt}; Linux calls it {@code abm}. Without it the same bytes decode as {@code bsr}. */
    LZCNT("abm"),
    /** {@code tzcnt}, {@code andn}, {@code bextr}, {@code blsi}, {@code blsmsk}, {@code blsr}. Without it tzcnt decodes as {@code bsf}. */
    BMI1("bmi1"),
    /** {@code bzhi}, {@code pdep}, {@code pext}, {@code mulx}, {@code rorx}, {@code sarx}, {@code shlx}, {@code shrx}. */
    BMI2("bmi2"),
    /** The FMA3 {@code vfmadd}/{@code vfmsub}/{@code vfnmadd}/{@code vfnmsub} forms. */
    FMA("fma");

    /** The flag in the {@code flags} line of {@code /proc/cpuinfo}. */
    public final String linuxFlag;

    CpuFeature(String linuxFlag) {
        this.linuxFlag = linuxFlag;
    }

    int bit() {
        return 1 << ordinal();
    }
}
