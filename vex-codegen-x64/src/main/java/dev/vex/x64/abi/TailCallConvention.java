package dev.vex.x64.abi;

import dev.vex.ir.Signature;

/**
 * Cranelift's {@code tail} calling convention on x86-64: System V's registers and stack layout
 * ({@link AbiLayout}), except that the callee pops its stack arguments on return
 * ({@code ret n}), so that a tail call may pass more stack arguments than its caller received.
 * The popped size is the stack-argument bytes rounded up to 16, which keeps the stack aligned.
 * A caller of such a function lowers its stack pointer again after the call.
 *
 * <p>A function with {@code return_call}s whose callees take more stack-argument bytes than it
 * pops itself grows its incoming-argument area at entry by the difference ({@link #growth}),
 * moving its return address down, and pops the growth too when it returns; a tail call then
 * writes its stack arguments into the top of that area, puts the return address below them and
 * jumps, so that the callee's {@code ret n} leaves the stack where the caller expects it.
 */
public final class TailCallConvention {
    private TailCallConvention() {
    }

    /** Whether a function of {@code sig} pops its own stack arguments. */
    public static boolean calleePops(Signature sig) {
        return "tail".equals(sig.callConv());
    }

    /** The bytes a function of {@code sig} pops when it returns: 0 unless it has the tail convention. */
    public static int popBytes(Signature sig) {
        return calleePops(sig) ? align16(AbiLayout.of(sig).stackArgBytes()) : 0;
    }

    /** The stack-argument bytes a tail call to a function of {@code sig} writes, rounded up to 16. */
    public static int tailCallArgBytes(Signature sig) {
        return align16(AbiLayout.of(sig).stackArgBytes());
    }

    /**
     * How far a function that pops {@code popBytes} grows its incoming-argument area at entry so
     * that tail calls writing up to {@code maxTailCallArgBytes} fit.
     */
    public static int growth(int popBytes, int maxTailCallArgBytes) {
        return align16(Math.max(0, maxTailCallArgBytes - popBytes));
    }

    private static int align16(int n) {
        return (n + 15) & -16;
    }
}
