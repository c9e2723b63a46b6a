package dev.vex.backend;

/** Where the allocator may place the vreg of an operand. */
public enum OperandConstraint {
    /** Any allocatable register of the vreg's class. */
    REG,
    /** One given physical register (ABI places, x86 division, shift counts). */
    FIXED_REG,
    /** A register or a spill slot: the instruction can take a memory operand. */
    REG_OR_STACK,
    /** Only for defs: the same register as a given use operand (two-address x86 forms). */
    REUSE_INPUT;

    private static final OperandConstraint[] VALUES = values();

    static OperandConstraint of(int ordinal) {
        return VALUES[ordinal];
    }
}
