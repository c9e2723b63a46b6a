package dev.vex.backend.regalloc;

import dev.vex.backend.MachineSpec;

/**
 * A location packed into an {@code int}: a physical register ({@code >= 0}) or a spill slot
 * ({@code -1 - slot}). {@link #NONE} marks the absence of a location (a dead block parameter).
 */
public final class Location {
    public static final int NONE = Integer.MIN_VALUE;

    private Location() {}

    public static int reg(int preg) {
        return preg;
    }

    public static int slot(int slot) {
        return -1 - slot;
    }

    public static boolean isReg(int location) {
        return location >= 0;
    }

    public static boolean isSlot(int location) {
        return location < 0 && location != NONE;
    }

    public static int slotIndex(int location) {
        return -1 - location;
    }

    public static String toString(int location, MachineSpec spec) {
        if (location == NONE) {
            return "-";
        }
        if (isReg(location)) {
            return spec == null ? "p" + location : spec.regName(location);
        }
        return "ss" + slotIndex(location);
    }
}
