package dev.vex.aarch64.asm;

import java.util.Locale;

/** The shift applied to the second register of a shifted-register form (bits 23:22). */
public enum Shift {
    LSL, LSR, ASR, ROR;

    private final String lower = name().toLowerCase(Locale.ROOT);

    public int code() {
        return ordinal();
    }

    public String text() {
        return lower;
    }
}
