package dev.vex.aarch64.abi;

import dev.vex.ir.Signature;
import dev.vex.ir.Type;

/**
 * Where a signature's parameters and results live under AAPCS64 as Vex uses it (the Linux
 * variant).
 *
 * <p>Parameters: integers in x0-x7 and floats in v0-v7, each class counted on its own; the rest
 * on the stack in order, one 8-byte slot each (AAPCS64 rounds every stacked scalar up to 8 bytes
 * on Linux; Apple's variant packs them by size and is not modelled here), the first at the
 * caller's sp. The caller reserves {@link #stackArgBytes()} rounded up to 16, since sp stays
 * 16-byte aligned.
 *
 * <p>Results: integers in x0-x7 and floats in v0-v7, as AAPCS64 returns them. Any further result
 * goes to a return area of 8-byte slots, in result order, whose address the caller passes in x8,
 * the indirect result register, so that it takes no argument register. Each slot holds the
 * result canonically: an integer zero-extended, a float's bits in the low bits and zeros above.
 *
 * <p>Narrow integer arguments: AAPCS64 leaves the bits above an argument's width unspecified; a
 * callee that needs them extends the value itself.
 *
 * <p>A location is a physical register number ({@code >= 0}, see {@link A64MachineSpec}) or
 * {@code -1 - byteOffset} for a stack argument or return-area slot.
 */
public final class Aapcs64Layout {
    /** Registers for each class of argument and result. */
    public static final int REGISTERS_PER_CLASS = 8;

    private final int[] params;
    private final int[] results;
    private final boolean returnArea;
    private final int stackArgBytes;
    private final int returnAreaBytes;

    private Aapcs64Layout(int[] params, int[] results, boolean returnArea, int stackArgBytes, int returnAreaBytes) {
        this.params = params;
        this.results = results;
        this.returnArea = returnArea;
        this.stackArgBytes = stackArgBytes;
        this.returnAreaBytes = returnAreaBytes;
    }

    public static Aapcs64Layout of(Signature sig) {
        int nr = sig.returns().size();
        int[] results = new int[nr];
        int ints = 0;
        int floats = 0;
        int area = 0;
        for (int i = 0; i < nr; i++) {
            if (sig.returnType(i).isFloat()) {
                results[i] = floats < REGISTERS_PER_CLASS ? A64MachineSpec.V0 + floats++ : -1 - 8 * area++;
            } else {
                results[i] = ints < REGISTERS_PER_CLASS ? A64MachineSpec.X0 + ints++ : -1 - 8 * area++;
            }
        }
        int np = sig.params().size();
        int[] params = new int[np];
        ints = 0;
        floats = 0;
        int stack = 0;
        for (int i = 0; i < np; i++) {
            Type t = sig.paramType(i);
            if (t.isFloat()) {
                params[i] = floats < REGISTERS_PER_CLASS ? A64MachineSpec.V0 + floats++ : -1 - 8 * stack++;
            } else {
                params[i] = ints < REGISTERS_PER_CLASS ? A64MachineSpec.X0 + ints++ : -1 - 8 * stack++;
            }
        }
        return new Aapcs64Layout(params, results, area > 0, 8 * stack, 8 * area);
    }

    /** Where parameter {@code i} is passed. */
    public int param(int i) {
        return params[i];
    }

    /** Where result {@code i} is returned. */
    public int result(int i) {
        return results[i];
    }

    /** Whether the caller passes a return-area address in x8. */
    public boolean hasReturnArea() {
        return returnArea;
    }

    /** The register of the return-area address: x8. */
    public static int returnAreaRegister() {
        return A64MachineSpec.INDIRECT_RESULT;
    }

    /** Bytes of stack arguments, before rounding to 16. */
    public int stackArgBytes() {
        return stackArgBytes;
    }

    /** Bytes the caller reserves below its sp for the stack arguments: a multiple of 16. */
    public int stackArgBytesAligned() {
        return (stackArgBytes + 15) & ~15;
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
