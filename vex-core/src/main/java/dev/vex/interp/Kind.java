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
    /** {@code call_indirect} and {@code await_indirect}: the callee's kind (sync, async) is checked. */
    CALL_INDIRECT,
    /** {@code return_call} and {@code return_call_indirect}: the frame is replaced by the callee's. */
    TAIL_CALL,
    TAIL_CALL_INDIRECT,
    FUNC_ADDR,
    GET_PINNED_REG,
    SET_PINNED_REG,
    SPAWN,
    /** {@code spawn_indirect}: a task of an async function value. */
    SPAWN_INDIRECT,
    /**
     * The forms that touch a wide (128-bit) value, whose high half lives in {@link Frame#high}:
     * separate kinds so that the 64-bit cases above never test for it.
     */
    PURE_WIDE,
    /** A pure operation that touches an {@code f16}, computed by {@link HalfEvaluator}. */
    PURE_HALF,
    ATOMIC_RMW,
    ATOMIC_RMW_WIDE,
    ATOMIC_CAS,
    ATOMIC_CAS_WIDE,
    LOAD_WIDE,
    STORE_WIDE,
    STACK_LOAD_WIDE,
    STACK_STORE_WIDE,
    BRIF_WIDE,
    TRAPZ_WIDE,
    TRAPNZ_WIDE,
    /** Something the interpreter cannot run (a block without a terminator...): fails the run when reached. */
    UNSUPPORTED
}
