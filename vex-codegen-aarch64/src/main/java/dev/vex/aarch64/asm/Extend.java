package dev.vex.aarch64.asm;

import java.util.Locale;

/**
 * The extension applied to the index register of an extended-register form or a register-offset
 * address (the 3-bit option field). The index is a W register for the ..XTB/H/W extensions and
 * an X register for UXTX/SXTX.
 */
public enum Extend {
    UXTB, UXTH, UXTW, UXTX, SXTB, SXTH, SXTW, SXTX;

    private static final Extend[] BY_CODE = values();
    private final String lower = name().toLowerCase(Locale.ROOT);

    public int code() {
        return ordinal();
    }

    public static Extend ofCode(int code) {
        return BY_CODE[code & 7];
    }

    /** Whether the index register is an X register (UXTX, SXTX). */
    public boolean takesX() {
        return (ordinal() & 3) == 3;
    }

    public String text() {
        return lower;
    }
}
