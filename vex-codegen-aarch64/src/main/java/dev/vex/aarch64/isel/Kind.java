package dev.vex.aarch64.isel;

/** What an {@link A64Inst} does; {@link #IR} is one IR operation, whose opcode the payload names. */
public enum Kind {
    /** One IR operation: operands are its results, then its operands. */
    IR,
    /** The entry pseudo-instruction: the incoming register parameters as fixed defs. */
    ARGS,
    /** Loads an incoming stack parameter at {@code [fp + imm]}. */
    LOAD_ARG,
    /** Copies a value; the def reuses the input's register, so it normally emits nothing. */
    COPY,
    /** Zero-extends an integer of {@code type} to 64 bits in place (values from C callees). */
    NORM,
    /** Sign-extends an integer of {@code argType} to 64 bits (a {@code sext} argument to C). */
    SEXT64,
    /** A direct call of {@code symbol}: fixed argument uses, fixed result defs, clobbers. */
    CALL,
    /** An indirect call through the last use operand. */
    CALL_INDIRECT,
    /** Stores an outgoing stack argument at {@code [sp + imm]}. */
    OUT_STORE,
    /** The address {@code sp + imm} of the outgoing return area. */
    OUT_ADDR,
    /** Loads a result from the outgoing return area at {@code [sp + imm]}. */
    OUT_LOAD,
    /** Stores a result into the caller's return area: {@code [use0 + imm] = use1}. */
    RET_STORE,
    RETURN,
    JUMP,
    BRIF,
    BR_TABLE,
    TRAP
}
