package dev.vex.interp;

import dev.vex.ir.Opcode;

/**
 * Function values ({@code func_addr}) as the interpreter sees them when one is called, awaited or
 * spawned: the address must be one {@code func_addr} gave, and its function must be of the kind
 * the instruction needs. Natively a sync address is code and an async one a descriptor, so a
 * mismatch there is undefined behaviour; here it fails the run, naming both.
 */
final class FunctionValues {
    private FunctionValues() {
    }

    /**
     * The callee at {@code token} for {@code op} ({@code call_indirect}, {@code await_indirect},
     * {@code spawn_indirect} or {@code return_call_indirect}) in the function {@code in}.
     */
    static Callee callee(Program program, long token, Opcode op, String in) {
        Callee callee = program.calleeAt(token);
        if (callee == null) {
            throw new InterpreterFailure(op.text() + " in %" + in + " to 0x" + Long.toHexString(token)
                    + ", which is no function's address");
        }
        boolean wantAsync = op == Opcode.AWAIT_INDIRECT || op == Opcode.SPAWN_INDIRECT;
        if (isAsync(program, callee) != wantAsync) {
            throw new InterpreterFailure(op.text() + " in %" + in + " of %" + callee.name() + ", which is "
                    + (wantAsync ? "a sync function: only an async function value can be awaited or spawned"
                            : "an async function: its value must be awaited (await_indirect) or spawned (spawn_indirect)"));
        }
        return callee;
    }

    private static boolean isAsync(Program program, Callee callee) {
        if (callee instanceof Callee.ModuleFunction m) {
            return program.function(m.index()).isAsync;
        }
        return callee instanceof Callee.Runtime r && r.builtin().isAsync();
    }
}
