package dev.vex.aarch64.asm;

import java.util.Locale;

/** A condition code, the 4-bit field of B.cond, CSEL, FCSEL and their aliases. */
public enum Cond {
    EQ, NE, HS, LO, MI, PL, VS, VC, HI, LS, GE, LT, GT, LE, AL, NV;

    private static final Cond[] BY_CODE = values();
    private final String lower = name().toLowerCase(Locale.ROOT);

    /** The field value, 0 to 15. */
    public int code() {
        return ordinal();
    }

    /** The condition that holds exactly when this one does not (flips the low bit). */
    public Cond invert() {
        if (this == AL || this == NV) {
            throw new A64EncodingException("condition " + lower + " has no inverse");
        }
        return BY_CODE[ordinal() ^ 1];
    }

    public static Cond ofCode(int code) {
        return BY_CODE[code & 15];
    }

    /** The lower-case name, as written after {@code b.} or as an operand. */
    public String text() {
        return lower;
    }
}
