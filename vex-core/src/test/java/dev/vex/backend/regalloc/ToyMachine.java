package dev.vex.backend.regalloc;

import dev.vex.backend.MachFunction;
import dev.vex.backend.Operand;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Executes a machine function of {@link TestTarget}, once over vregs and once as allocated
 * (registers, slots, inserted moves, clobbers that really destroy), recording a trace: every
 * value defined, every branch taken, every value returned. Equal traces are strong evidence that
 * the allocation preserves the program. Each instruction's defs are a hash of its seed and the
 * values it reads; a two-way branch goes by the low bit of its first operand. Runs stop after
 * {@code fuel} instructions, so loops need not terminate.
 */
final class ToyMachine {
    private ToyMachine() {}

    static long[] runVirtual(MachFunction f, int fuel) {
        long[] env = new long[f.numVRegs()];
        Trace trace = new Trace();
        int b = 0;
        long[] uses = new long[16];
        while (fuel > 0) {
            int next = -1;
            for (int i = f.blockFirstInst(b); i < f.blockEndInst(b) && fuel > 0; i++, fuel--) {
                int nu = 0;
                for (int k = 0; k < f.numOperands(i); k++) {
                    int op = f.operand(i, k);
                    if (!Operand.isDef(op)) {
                        uses[nu++] = env[Operand.vreg(op)];
                    }
                }
                int d = 0;
                for (int k = 0; k < f.numOperands(i); k++) {
                    int op = f.operand(i, k);
                    if (Operand.isDef(op)) {
                        long value = mix(((TestInst) f.payload(i)).seed(), d++, uses, nu);
                        env[Operand.vreg(op)] = value;
                        trace.add(value);
                    }
                }
                if (i == f.blockEndInst(b) - 1) {
                    next = terminate(f, b, uses, nu, trace);
                    if (next >= 0) {
                        int s = succIndex(f, b, next);
                        long[] vals = new long[f.numBlockParams(next)];
                        for (int k = 0; k < vals.length; k++) {
                            vals[k] = env[f.succArg(b, s, k)];
                        }
                        for (int k = 0; k < vals.length; k++) {
                            env[f.blockParam(next, k)] = vals[k];
                        }
                    }
                }
            }
            if (next < 0) {
                break;
            }
            b = next;
        }
        return trace.toArray();
    }

    static long[] runAllocated(Allocation a, int fuel, long garbageSeed) {
        MachFunction f = a.function();
        int numRegs = a.spec().numRegs();
        long[] mem = new long[numRegs + a.numSpillSlots()];
        SplittableRandom garbage = new SplittableRandom(garbageSeed);
        for (int k = 0; k < mem.length; k++) {
            mem[k] = garbage.nextLong();
        }
        Trace trace = new Trace();
        int b = 0;
        long[] uses = new long[16];
        while (fuel > 0) {
            int next = -1;
            for (int i = f.blockFirstInst(b); i < f.blockEndInst(b) && fuel > 0; i++, fuel--) {
                for (int e = a.editStart(i); e < a.editEnd(i); e++) {
                    mem[index(a.editTo(e), numRegs)] = mem[index(a.editFrom(e), numRegs)];
                }
                for (int k = 0; k < f.numOperands(i); k++) {
                    int op = f.operand(i, k);
                    if (Operand.isDef(op) && !Operand.isLate(op)) {
                        mem[index(a.operandLocation(i, k), numRegs)] = garbage.nextLong();
                    }
                }
                int nu = 0;
                for (int k = 0; k < f.numOperands(i); k++) {
                    if (!Operand.isDef(f.operand(i, k))) {
                        uses[nu++] = mem[index(a.operandLocation(i, k), numRegs)];
                    }
                }
                for (long m = f.clobbers(i); m != 0; m &= m - 1) {
                    mem[Long.numberOfTrailingZeros(m)] = garbage.nextLong();
                }
                int d = 0;
                for (int k = 0; k < f.numOperands(i); k++) {
                    int op = f.operand(i, k);
                    if (Operand.isDef(op)) {
                        long value = mix(((TestInst) f.payload(i)).seed(), d++, uses, nu);
                        mem[index(a.operandLocation(i, k), numRegs)] = value;
                        trace.add(value);
                    }
                }
                if (i == f.blockEndInst(b) - 1) {
                    next = terminate(f, b, uses, nu, trace);
                }
            }
            if (next < 0) {
                break;
            }
            b = next;
        }
        return trace.toArray();
    }

    private static int index(int loc, int numRegs) {
        return Location.isReg(loc) ? loc : numRegs + Location.slotIndex(loc);
    }

    /** Records the branch or the returned values; the successor block or -1. */
    private static int terminate(MachFunction f, int b, long[] uses, int nu, Trace trace) {
        if (f.numSuccs(b) == 0) {
            for (int k = 0; k < nu; k++) {
                trace.add(uses[k]);
            }
            return -1;
        }
        int s = f.numSuccs(b) == 1 || nu == 0 ? 0 : (int) (uses[0] & 1) % f.numSuccs(b);
        trace.add(-1000 - s);
        return f.succ(b, s);
    }

    private static int succIndex(MachFunction f, int b, int t) {
        for (int s = 0; s < f.numSuccs(b); s++) {
            if (f.succ(b, s) == t) {
                return s;
            }
        }
        throw new IllegalStateException();
    }

    static long mix(int seed, int k, long[] uses, int nu) {
        long v = seed * 0x9E3779B97F4A7C15L + k;
        for (int j = 0; j < nu; j++) {
            v = (v ^ uses[j]) * 0xBF58476D1CE4E5B9L;
            v ^= v >>> 31;
        }
        return v;
    }

    private static final class Trace {
        private long[] values = new long[64];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
