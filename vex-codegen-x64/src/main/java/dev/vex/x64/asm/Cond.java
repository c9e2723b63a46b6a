package dev.vex.x64.asm;

/**
 * The sixteen x86 condition codes, by the value they add to the base opcode of {@code jcc},
 * {@code setcc} and {@code cmovcc}. Unsigned comparisons use {@link #B}/{@link #AE}/{@link #BE}/
 * {@link #A}, signed ones {@link #L}/{@link #GE}/{@link #LE}/{@link #G}.
 */
public enum Cond {
    O(0x0), NO(0x1), B(0x2), AE(0x3), E(0x4), NE(0x5), BE(0x6), A(0x7),
    S(0x8), NS(0x9), P(0xA), NP(0xB), L(0xC), GE(0xD), LE(0xE), G(0xF);

    private static final Cond[] BY_CODE = values();

    /** The 4-bit condition field. */
    public final int code;

    Cond(int code) {
        this.code = code;
    }

    /** The condition that holds exactly when this one does not (flip of the low bit). */
    public Cond negate() {
        return BY_CODE[code ^ 1];
    }

    /** The suffix as GNU as spells it, e.g. {@code ae}. */
    public String suffix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
