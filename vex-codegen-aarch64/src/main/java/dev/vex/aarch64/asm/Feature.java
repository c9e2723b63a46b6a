package dev.vex.aarch64.asm;

/** The architecture feature an instruction form needs beyond the ARMv8.0-A base. */
public enum Feature {
    /** ARMv8.0-A: every AArch64 core has it. */
    BASE,
    /** The Large System Extensions (ARMv8.1-A): single-instruction atomics, CAS. */
    LSE
}
