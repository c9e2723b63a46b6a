package dev.vex.analysis;

import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;

/**
 * One call site in a {@link CallGraph}.
 *
 * @param caller the function containing the call
 * @param instruction the call, await, await_boxed or spawn
 * @param callee the function of the module it names, or null for a callee outside the module
 *     (a runtime builtin or an external symbol)
 * @param kind how it calls
 */
public record CallEdge(Function caller, Instruction instruction, Function callee, CallKind kind) {
    /** The declaration the instruction calls through. */
    public FuncRef funcRef() {
        return instruction.funcRef();
    }

    /** The callee's name without {@code %}, whether or not it is in the module. */
    public String calleeName() {
        return instruction.funcRef().name();
    }

    /** {@code %a -await-> %b}. */
    @Override
    public String toString() {
        return "%" + caller.name() + " -" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-> %" + calleeName();
    }
}
