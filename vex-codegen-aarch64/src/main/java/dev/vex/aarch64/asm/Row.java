package dev.vex.aarch64.asm;

/** A constant of an instruction-family enum: one row of the encoding table. */
public interface Row {
    Encoding encoding();

    /** The enum constant's name, for messages and the matrix's coverage check. */
    String name();
}
