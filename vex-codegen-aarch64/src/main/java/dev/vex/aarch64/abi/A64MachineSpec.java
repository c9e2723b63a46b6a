package dev.vex.aarch64.abi;

import dev.vex.backend.MachineSpec;
import dev.vex.backend.RegClass;

/**
 * The AArch64 registers as the allocator sees them, under AAPCS64. Physical registers 0-30 are
 * x0-x30 by their hardware number and 31 stands for sp; 32-63 are v0-v31 (used as scalar S and D
 * registers).
 *
 * <ul>
 *   <li>x0-x7: arguments and results; x8: the indirect result (return area) address; x9-x15:
 *       temporaries. All caller-saved and allocatable.</li>
 *   <li>x16, x17 (IP0, IP1): reserved for veneers and as scratch: x16 is the allocator's scratch
 *       ({@link #scratch}), x17 the emitter's. Never allocated, clobbered by calls.</li>
 *   <li>x18: the platform register, reserved (Apple and Windows keep it). Never allocated.</li>
 *   <li>x19-x28: callee-saved, allocatable after the caller-saved ones.</li>
 *   <li>x29 (FP), x30 (LR) and sp: never allocated; the prologue saves FP and LR.</li>
 *   <li>v0-v7: arguments and results; v16-v30: temporaries; v31: the allocator's float scratch.
 *       v8-v15: callee-saved, but only their low 64 bits, which is all a scalar uses.</li>
 * </ul>
 */
public final class A64MachineSpec implements MachineSpec {
    public static final A64MachineSpec INSTANCE = new A64MachineSpec();

    /** Physical register number of x{@code n} is {@code n}. */
    public static final int X0 = 0;
    public static final int INDIRECT_RESULT = 8;
    public static final int IP0 = 16;
    public static final int IP1 = 17;
    public static final int PLATFORM = 18;
    public static final int FP = 29;
    public static final int LR = 30;
    /** The stack pointer's number here; it is never allocated. */
    public static final int SP = 31;
    /** Physical register number of v0; v{@code n} is {@code V0 + n}. */
    public static final int V0 = 32;
    public static final int SCRATCH_INT = IP0;
    public static final int SCRATCH_FLOAT = V0 + 31;

    private static final String[] NAMES = new String[64];

    static {
        for (int i = 0; i < 31; i++) {
            NAMES[i] = "x" + i;
        }
        NAMES[SP] = "sp";
        for (int i = 0; i < 32; i++) {
            NAMES[V0 + i] = "v" + i;
        }
    }

    private static final int[] INT_ORDER = range(0, 15, 19, 28);
    private static final int[] FLOAT_ORDER = concat(range(V0, V0 + 7, V0 + 16, V0 + 30), range(V0 + 8, V0 + 15, 0, -1));
    private static final long CALLER_SAVED = mask(0, 18) | 1L << LR | mask(V0, V0 + 7) | mask(V0 + 16, V0 + 31);
    private static final long CALLEE_SAVED = mask(19, 28) | mask(V0 + 8, V0 + 15);

    private A64MachineSpec() {
    }

    /** The registers first..last, then second..secondLast (an empty second range when secondLast < second). */
    private static int[] range(int first, int last, int second, int secondLast) {
        int n = (last - first + 1) + Math.max(0, secondLast - second + 1);
        int[] r = new int[n];
        int k = 0;
        for (int i = first; i <= last; i++) {
            r[k++] = i;
        }
        for (int i = second; i <= secondLast; i++) {
            r[k++] = i;
        }
        return r;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static long mask(int first, int last) {
        long m = 0;
        for (int i = first; i <= last; i++) {
            m |= 1L << i;
        }
        return m;
    }

    @Override
    public int numRegs() {
        return 64;
    }

    @Override
    public RegClass regClass(int preg) {
        return preg < V0 ? RegClass.INT : RegClass.FLOAT;
    }

    @Override
    public String regName(int preg) {
        return NAMES[preg];
    }

    @Override
    public int[] allocationOrder(RegClass cls) {
        return cls == RegClass.INT ? INT_ORDER.clone() : FLOAT_ORDER.clone();
    }

    @Override
    public long callerSaved() {
        return CALLER_SAVED;
    }

    @Override
    public long calleeSaved() {
        return CALLEE_SAVED;
    }

    @Override
    public int scratch(RegClass cls) {
        return cls == RegClass.INT ? SCRATCH_INT : SCRATCH_FLOAT;
    }

    /** 8 bytes for both classes: floats are scalars, and v8-v15 preserve only their low 64 bits. */
    @Override
    public int spillSlotSize(RegClass cls) {
        return 8;
    }
}
