package dev.vex.backend;

/** A register class: which register file a virtual register lives in. */
public enum RegClass {
    INT,
    FLOAT;

    private static final RegClass[] VALUES = values();

    public static RegClass of(int ordinal) {
        return VALUES[ordinal];
    }
}
