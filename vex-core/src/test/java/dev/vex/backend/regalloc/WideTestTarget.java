package dev.vex.backend.regalloc;

import dev.vex.backend.MachineSpec;
import dev.vex.backend.RegClass;

/**
 * {@link TestTarget} with more registers, numbered so that r0..r4 and f0..f2 keep their numbers:
 * r5..r9 (8..12) and f3..f5 (13..15) are added. Nine integer registers (r0, r1, r5, r6, r7
 * caller-saved; r2, r3, r8, r9 callee-saved) and five float ones (f0, f3, f4 caller-saved; f1,
 * f5 callee-saved).
 */
final class WideTestTarget implements MachineSpec {
    static final WideTestTarget INSTANCE = new WideTestTarget();
    private static final String[] NAMES = {"r0", "r1", "r2", "r3", "r4", "f0", "f1", "f2", "r5", "r6", "r7", "r8",
        "r9", "f3", "f4", "f5"};
    private static final int[] INT_ORDER = {0, 1, 8, 9, 10, 2, 3, 11, 12};
    private static final int[] FLOAT_ORDER = {5, 13, 14, 6, 15};

    @Override
    public int numRegs() {
        return NAMES.length;
    }

    @Override
    public RegClass regClass(int preg) {
        return NAMES[preg].charAt(0) == 'r' ? RegClass.INT : RegClass.FLOAT;
    }

    @Override
    public String regName(int preg) {
        return NAMES[preg];
    }

    @Override
    public int[] allocationOrder(RegClass cls) {
        return cls == RegClass.INT ? INT_ORDER : FLOAT_ORDER;
    }

    @Override
    public long callerSaved() {
        return 1L << 0 | 1L << 1 | 1L << 4 | 1L << 8 | 1L << 9 | 1L << 10 | 1L << 5 | 1L << 7 | 1L << 13 | 1L << 14;
    }

    @Override
    public long calleeSaved() {
        return 1L << 2 | 1L << 3 | 1L << 11 | 1L << 12 | 1L << 6 | 1L << 15;
    }

    @Override
    public int scratch(RegClass cls) {
        return cls == RegClass.INT ? 4 : 7;
    }

    @Override
    public int spillSlotSize(RegClass cls) {
        return cls == RegClass.INT ? 8 : 16;
    }
}
