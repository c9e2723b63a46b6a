package dev.vex.x64.isel;

import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Type;

/**
 * 128-bit atomics ({@code atomic_load}/{@code store}/{@code rmw}/{@code cas} on {@code i128}),
 * which would need {@code lock cmpxchg16b}: {@link AtomicLowering} handles 8 to 64 bits only, so
 * the target declines a function that uses them rather than miscompile it.
 */
public final class WideAtomics {
    private WideAtomics() {
    }

    /** Whether {@code fn} has an atomic operation on an {@code i128}. */
    public static boolean usedBy(Function fn) {
        for (Instruction inst : fn.instructions()) {
            switch (inst.opcode()) {
                case ATOMIC_LOAD, ATOMIC_STORE, ATOMIC_RMW, ATOMIC_CAS -> {
                    if (touchesI128(inst)) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }

    private static boolean touchesI128(Instruction inst) {
        if (inst.controllingType() == Type.I128) {
            return true;
        }
        for (var v : inst.results()) {
            if (v.type() == Type.I128) {
                return true;
            }
        }
        for (var v : inst.operands()) {
            if (v.type() == Type.I128) {
                return true;
            }
        }
        return false;
    }
}
