package dev.vex.interp;

/** How the interpreter's loop executes a {@link DecodedInstruction}: one case per kind. */
enum Kind {
    /** A pure scalar operation, computed by {@link ScalarEvaluator}. */
    PURE,
    LOAD,
    STORE,
    STACK_LOAD,
    STACK_STORE,
    STACK_ADDR,
    JUMP,
    BRIF,
    BR_TABLE,
    RETURN,
    TRAP,
    TRAPZ,
    TRAPNZ,
    NOP,
    /** {@code call}, {@code await} and {@code await_boxed}: the same semantics here. */
    CALL,
    CALL_INDIRECT,
    FUNC_ADDR,
    SPAWN,
    /** Something the interpreter cannot run (a block without a terminator...): fails the run when reached. */
    UNSUPPORTED
}
