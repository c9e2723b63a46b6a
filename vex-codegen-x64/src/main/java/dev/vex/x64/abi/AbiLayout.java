package dev.vex.x64.abi;

import dev.vex.ir.Signature;
import dev.vex.ir.Type;

/**
 * Where a signature's parameters and results live under Vex's System V x86-64 convention.
 *
 * <p>Parameters: integers in rdi, rsi, rdx, rcx, r8, r9, floats in xmm0–xmm7, the rest on the
 * stack in order, 8 bytes each, the first at the caller's stack pointer (above the return
 * address in the callee). Results: the first two integers in rax, rdx and the first two floats
 * in xmm0, xmm1. Any further result goes to a return area of 8-byte slots, in result order,
 * whose address the caller passes as a hidden first integer parameter (in rdi, ahead of the
 * others), as Cranelift does with {@code enable_multi_ret_implicit_sret}. Each slot holds the
 * result canonically: an integer zero-extended, a float's bits in the low bits and zeros above.
 *
 * <p>An {@code i128} takes two integer registers, low half first, as System V passes
 * {@code __int128}: two consecutive argument registers, or rax:rdx as the first result. A
 * parameter for which fewer than two argument registers are left goes on the stack at a
 * 16-byte-aligned offset (later parameters may still take the registers left); a result that
 * does not get both rax and rdx takes two return-area slots. {@link #paramHigh} and
 * {@link #resultHigh} say where the high half goes.
 *
 * <p>A location is a physical register number ({@code >= 0}, see {@link X64MachineSpec}) or
 * {@code -1 - byteOffset} for a stack argument or return-area slot.
 */
public final class AbiLayout {
    private static final int[] INT_ARGS = {
        X64MachineSpec.RDI, X64MachineSpec.RSI, X64MachineSpec.RDX, X64MachineSpec.RCX, X64MachineSpec.R8,
        X64MachineSpec.R9,
    };
    private static final int[] INT_RETS = {X64MachineSpec.RAX, X64MachineSpec.RDX};

    /** The high-half location of a value that has none (one of up to 64 bits). */
    public static final int NO_HIGH = Integer.MIN_VALUE;

    private final int[] params;
    private final int[] paramsHigh;
    private final int[] results;
    private final int[] resultsHigh;
    private final boolean returnArea;
    private final int stackArgBytes;
    private final int returnAreaBytes;

    private AbiLayout(int[] params, int[] paramsHigh, int[] results, int[] resultsHigh, boolean returnArea,
            int stackArgBytes, int returnAreaBytes) {
        this.params = params;
        this.paramsHigh = paramsHigh;
        this.results = results;
        this.resultsHigh = resultsHigh;
        this.returnArea = returnArea;
        this.stackArgBytes = stackArgBytes;
        this.returnAreaBytes = returnAreaBytes;
    }

    public static AbiLayout of(Signature sig) {
        int nr = sig.returns().size();
        int[] results = new int[nr];
        int[] resultsHigh = new int[nr];
        java.util.Arrays.fill(resultsHigh, NO_HIGH);
        int ints = 0;
        int floats = 0;
        int area = 0;
        for (int i = 0; i < nr; i++) {
            if (sig.returnType(i) == Type.I128) {
                if (ints == 0) {
                    results[i] = INT_RETS[0];
                    resultsHigh[i] = INT_RETS[1];
                    ints = 2;
                } else {
                    results[i] = -1 - 8 * area++;
                    resultsHigh[i] = -1 - 8 * area++;
                }
            } else if (sig.returnType(i).isFloat()) {
                results[i] = floats < 2 ? X64MachineSpec.XMM0 + floats++ : -1 - 8 * area++;
            } else {
                results[i] = ints < 2 ? INT_RETS[ints++] : -1 - 8 * area++;
            }
        }
        boolean hidden = area > 0;
        int np = sig.params().size();
        int[] params = new int[np];
        int[] paramsHigh = new int[np];
        java.util.Arrays.fill(paramsHigh, NO_HIGH);
        ints = hidden ? 1 : 0;
        floats = 0;
        int stack = 0;
        for (int i = 0; i < np; i++) {
            Type t = sig.paramType(i);
            if (t == Type.I128) {
                if (ints + 2 <= INT_ARGS.length) {
                    params[i] = INT_ARGS[ints++];
                    paramsHigh[i] = INT_ARGS[ints++];
                } else {
                    stack += stack & 1;
                    params[i] = -1 - 8 * stack++;
                    paramsHigh[i] = -1 - 8 * stack++;
                }
            } else if (t.isFloat()) {
                params[i] = floats < 8 ? X64MachineSpec.XMM0 + floats++ : -1 - 8 * stack++;
            } else {
                params[i] = ints < INT_ARGS.length ? INT_ARGS[ints++] : -1 - 8 * stack++;
            }
        }
        return new AbiLayout(params, paramsHigh, results, resultsHigh, hidden, 8 * stack, 8 * area);
    }

    /** Where parameter {@code i} is passed (the low half of an {@code i128}). */
    public int param(int i) {
        return params[i];
    }

    /** Where the high half of an {@code i128} parameter {@code i} is passed; {@link #NO_HIGH} for others. */
    public int paramHigh(int i) {
        return paramsHigh[i];
    }

    /** Where the high half of an {@code i128} result {@code i} is returned; {@link #NO_HIGH} for others. */
    public int resultHigh(int i) {
        return resultsHigh[i];
    }

    /** Where result {@code i} is returned (the low half of an {@code i128}). */
    public int result(int i) {
        return results[i];
    }

    /** Whether the caller passes a return-area address in rdi. */
    public boolean hasReturnArea() {
        return returnArea;
    }

    /** The register of the hidden return-area address. */
    public static int returnAreaRegister() {
        return X64MachineSpec.RDI;
    }

    public int stackArgBytes() {
        return stackArgBytes;
    }

    public int returnAreaBytes() {
        return returnAreaBytes;
    }

    public static boolean isStack(int location) {
        return location < 0;
    }

    /** The byte offset of a stack location. */
    public static int stackOffset(int location) {
        return -1 - location;
    }
}
