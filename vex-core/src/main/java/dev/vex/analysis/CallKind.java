package dev.vex.analysis;

import dev.vex.ir.Opcode;

/** How one function refers to another in a {@link CallGraph} edge. */
public enum CallKind {
    CALL,
    /** Awaited with the callee's frame embedded in the caller's: a cycle of these is infinite. */
    AWAIT,
    /** Awaited with the callee's frame on the heap. */
    AWAIT_BOXED,
    /** Started as a new task. */
    SPAWN;

    /** The kind of a {@code call}, {@code await}, {@code await_boxed} or {@code spawn}, else null. */
    public static CallKind of(Opcode op) {
        return switch (op) {
            case CALL, RETURN_CALL -> CALL;
            case AWAIT -> AWAIT;
            case AWAIT_BOXED -> AWAIT_BOXED;
            case SPAWN -> SPAWN;
            default -> null;
        };
    }
}
