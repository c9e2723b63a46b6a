package dev.vex.interp;

/**
 * One activation of a function: its registers (one per value id), where it is, and its stack
 * slot area. While a callee runs, {@link #pc} stays on the calling instruction, so the callee's
 * results land in that instruction's result registers.
 */
final class Frame {
    final DecodedFunction function;
    final long[] regs;
    /** High halves of the wide (128-bit) values, by value id; null if the function has none. */
    final long[] high;
    int pc;
    /** Address of the stack slot area, or 0 if the function has no slots. */
    final long slotBase;
    /** The task stack's top before this frame's area was pushed. */
    final int savedStackTop;
    /** Back-edges this activation of an async function may still take before it yields ({@link Preemption}). */
    long budget = Preemption.BUDGET;

    Frame(DecodedFunction function, long slotBase, int savedStackTop) {
        this.function = function;
        this.regs = new long[function.registerCount];
        this.high = function.hasWide ? new long[function.registerCount] : null;
        this.slotBase = slotBase;
        this.savedStackTop = savedStackTop;
    }

    /**
     * Writes the results of the call or await at {@link #pc} and moves past it. {@code values}
     * may be longer than the instruction's result list (extra values are dropped).
     */
    void completeCall(long[] values) {
        int[] out = function.code[pc].results;
        if (values.length < out.length) {
            throw new InterpreterFailure("%" + function.name + " expects " + out.length + " results from "
                    + function.code[pc].opcode + ", which gives " + values.length);
        }
        for (int i = 0; i < out.length; i++) {
            regs[out[i]] = values[i];
        }
        pc++;
    }
}
