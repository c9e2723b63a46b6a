package dev.vex.x64.isel;

/** What an {@link X64Inst} does; {@link #IR} is one IR operation, whose opcode the payload names. */
public enum Kind {
    /** One IR operation: operands are its results, then its operands, then temporaries. */
    IR,
    /**
     * One IR operation on {@code i128} halves whose halves depend on each other (carries,
     * shifts, compares): see {@link I128Lowering} for the operands.
     */
    I128,
    /** The entry pseudo-instruction: the incoming register parameters as fixed defs. */
    ARGS,
    /** Loads an incoming stack parameter at {@code [rbp + imm]}. */
    LOAD_ARG,
    /** An integer select on an integer comparison used by nothing else: {@code cmp; cmovcc}. */
    SELECT_ICMP,
    /** Copies a value; the def reuses the input's register, so it normally emits nothing. */
    COPY,
    /** Zero-extends an integer of {@code type} to 64 bits in place (values from C callers). */
    NORM,
    /**
     * A direct call of {@code symbol}: fixed argument uses, fixed result defs, clobbers; {@code imm}
     * is what the callee pops (tail convention), which the caller takes back from the stack.
     */
    CALL,
    /** An indirect call through the last use operand. */
    CALL_INDIRECT,
    /** {@code return_call}: a terminator that gives up the frame and jumps ({@link TailCallLowering}). */
    TAIL_CALL,
    /** {@code return_call_indirect} through rax. */
    TAIL_CALL_INDIRECT,
    /** Stores an outgoing stack argument at {@code [rsp + imm]}. */
    OUT_STORE,
    /** The address {@code rsp + imm} of the outgoing return area. */
    OUT_LEA,
    /** Loads a result from the outgoing return area at {@code [rsp + imm]}. */
    OUT_LOAD,
    /** Stores a result into the caller's return area: {@code [use0 + imm] = use1}. */
    RET_STORE,
    /** After a libm {@code fma} call: NaN results made to follow Vex's rule (uses a, b, c). */
    NAN_FIX3,
    /** Returns; {@code imm} is what it pops besides the return address. */
    RETURN,
    JUMP,
    BRIF,
    /** A {@code brif} on an integer comparison used by nothing else: {@code cmp; jcc}. */
    BRIF_ICMP,
    /** A {@code brif} on a float comparison used by nothing else: {@code ucomis; jcc}. */
    BRIF_FCMP,
    BR_TABLE,
    TRAP
}
