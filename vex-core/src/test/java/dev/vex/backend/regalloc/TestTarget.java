package dev.vex.backend.regalloc;

import dev.vex.backend.MachineSpec;
import dev.vex.backend.RegClass;

/**
 * A tiny target for tests: integer registers r0..r3 allocatable (r0, r1 caller-saved; r2, r3
 * callee-saved) and r4 the scratch; float registers f0, f1 allocatable (f0 caller-saved, f1
 * callee-saved) and f2 the scratch.
 */
final class TestTarget implements MachineSpec {
    static final TestTarget INSTANCE = new TestTarget();
    static final int R0 = 0;
    static final int R1 = 1;
    static final int R2 = 2;
    static final int R3 = 3;
    static final int R4 = 4;
    static final int F0 = 5;
    static final int F1 = 6;
    static final int F2 = 7;
    private static final int[] INT_ORDER = {R0, R1, R2, R3};
    private static final int[] FLOAT_ORDER = {F0, F1};
    private static final String[] NAMES = {"r0", "r1", "r2", "r3", "r4", "f0", "f1", "f2"};

    @Override
    public int numRegs() {
        return NAMES.length;
    }

    @Override
    public RegClass regClass(int preg) {
        return preg < F0 ? RegClass.INT : RegClass.FLOAT;
    }

    @Override
    public String regName(int preg) {
        return NAMES[preg];
    }

    static int regNamed(String name) {
        for (int r = 0; r < NAMES.length; r++) {
            if (NAMES[r].equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no register " + name);
    }

    @Override
    public int[] allocationOrder(RegClass cls) {
        return cls == RegClass.INT ? INT_ORDER : FLOAT_ORDER;
    }

    @Override
    public long callerSaved() {
        return 1L << R0 | 1L << R1 | 1L << R4 | 1L << F0 | 1L << F2;
    }

    @Override
    public long calleeSaved() {
        return 1L << R2 | 1L << R3 | 1L << F1;
    }

    @Override
    public int scratch(RegClass cls) {
        return cls == RegClass.INT ? R4 : F2;
    }

    @Override
    public int spillSlotSize(RegClass cls) {
        return 8;
    }
}
