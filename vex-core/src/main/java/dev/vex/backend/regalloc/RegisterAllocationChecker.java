package dev.vex.backend.regalloc;

import dev.vex.backend.MachFunction;
import dev.vex.backend.MachineSpec;
import dev.vex.backend.Operand;
import dev.vex.backend.OperandConstraint;
import dev.vex.backend.RegClass;
import java.util.Arrays;

/**
 * Proves an {@link Allocation} right by abstract interpretation, in the manner of regalloc2's
 * checker, trusting nothing the allocator computed internally.
 *
 * <p>The abstract state maps every location (register or spill slot) to the vreg whose current
 * value it holds, or to "unknown". Moves copy, clobbers make unknown, a def makes every older
 * copy of its vreg unknown (a def in a loop is a new value) and then writes its location. On an
 * edge the parameter locations must hold the arguments, which then become the parameters. At a
 * block with several predecessors the states meet: a location keeps a vreg only if it holds it on
 * every path. Iterated to a fixed point, the check then holds on every path:
 *
 * <ul>
 *   <li>every use reads a location holding its own vreg;
 *   <li>operands obey their constraints (fixed register, register of the class, reuse);
 *   <li>no def shares a location with another def, with a late use, or (early defs) with a use;
 *   <li>every callee-saved register the function overwrites is reported for the prologue to save.
 * </ul>
 */
public final class RegisterAllocationChecker {
    private static final int UNKNOWN = -1;

    private final Allocation a;
    private final MachFunction f;
    private final MachineSpec spec;
    private final int numRegs;
    private final int numLocs;
    private final int[] paramStamp;
    private int stamp;
    /** Registers written by defs, moves and clobbers. */
    private long written;

    private RegisterAllocationChecker(Allocation a) {
        this.a = a;
        this.f = a.function();
        this.spec = a.spec();
        this.numRegs = spec.numRegs();
        this.numLocs = numRegs + a.numSpillSlots();
        this.paramStamp = new int[f.numVRegs()];
    }

    /** Throws {@link RegisterAllocationCheckException} at the first violation found. */
    public static void check(Allocation a) {
        new RegisterAllocationChecker(a).run();
    }

    private int index(int loc) {
        return Location.isReg(loc) ? loc : numRegs + Location.slotIndex(loc);
    }

    private void run() {
        int n = f.numBlocks();
        int[][] in = new int[n][];
        in[0] = new int[numLocs];
        Arrays.fill(in[0], UNKNOWN);
        int[] queue = new int[n];
        boolean[] queued = new boolean[n];
        int head = 0;
        int count = 1;
        queue[0] = 0;
        queued[0] = true;
        int[] state = new int[numLocs];
        int[] edge = new int[numLocs];
        while (count > 0) {
            int b = queue[head];
            head = (head + 1) % n;
            count--;
            queued[b] = false;
            System.arraycopy(in[b], 0, state, 0, numLocs);
            for (int i = f.blockFirstInst(b); i < f.blockEndInst(b); i++) {
                for (int e = a.editStart(i); e < a.editEnd(i); e++) {
                    if (a.editGroup(e) != MoveList.EDGE_IN) {
                        move(state, e);
                    }
                }
                checkInst(i, state);
            }
            for (int s = 0; s < f.numSuccs(b); s++) {
                int t = f.succ(b, s);
                System.arraycopy(state, 0, edge, 0, numLocs);
                if (f.numPreds(t) == 1) {
                    int first = f.blockFirstInst(t);
                    for (int e = a.editStart(first); e < a.editEnd(first); e++) {
                        if (a.editGroup(e) == MoveList.EDGE_IN) {
                            move(edge, e);
                        }
                    }
                }
                defineParams(b, s, t, edge);
                if (in[t] == null) {
                    in[t] = edge.clone();
                } else if (!meet(in[t], edge)) {
                    continue;
                }
                if (!queued[t]) {
                    queued[t] = true;
                    queue[(head + count) % n] = t;
                    count++;
                }
            }
        }
        long unsaved = written & spec.calleeSaved() & ~a.usedCalleeSaved();
        if (unsaved != 0) {
            throw fail("callee-saved register " + spec.regName(Long.numberOfTrailingZeros(unsaved))
                    + " is overwritten but not reported for saving");
        }
    }

    private void move(int[] state, int e) {
        int to = a.editTo(e);
        if (Location.isReg(to)) {
            written |= 1L << to;
        }
        state[index(to)] = state[index(a.editFrom(e))];
    }

    /** Meets {@code edge} into {@code in}; true if {@code in} changed. */
    private static boolean meet(int[] in, int[] edge) {
        boolean changed = false;
        for (int k = 0; k < in.length; k++) {
            if (in[k] != edge[k] && in[k] != UNKNOWN) {
                in[k] = UNKNOWN;
                changed = true;
            }
        }
        return changed;
    }

    private void defineParams(int b, int s, int t, int[] edge) {
        int np = f.numBlockParams(t);
        if (np == 0) {
            return;
        }
        stamp++;
        for (int k = 0; k < np; k++) {
            int loc = a.blockParamLocation(t, k);
            int arg = f.succArg(b, s, k);
            if (loc != Location.NONE && edge[index(loc)] != arg) {
                throw fail("edge block" + b + " -> block" + t + ": parameter v" + f.blockParam(t, k) + " at "
                        + Location.toString(loc, spec) + " should receive v" + arg + " but that location holds "
                        + holder(edge[index(loc)]));
            }
            paramStamp[f.blockParam(t, k)] = stamp;
        }
        for (int k = 0; k < numLocs; k++) {
            if (edge[k] != UNKNOWN && paramStamp[edge[k]] == stamp) {
                edge[k] = UNKNOWN;
            }
        }
        for (int k = 0; k < np; k++) {
            int loc = a.blockParamLocation(t, k);
            if (loc != Location.NONE) {
                edge[index(loc)] = f.blockParam(t, k);
            }
        }
    }

    private void checkInst(int i, int[] state) {
        int n = f.numOperands(i);
        for (int k = 0; k < n; k++) {
            int op = f.operand(i, k);
            int v = Operand.vreg(op);
            int loc = a.operandLocation(i, k);
            checkConstraint(i, k, op, loc);
            if (!Operand.isDef(op) && state[index(loc)] != v) {
                throw fail("inst " + i + ": use of v" + v + " reads " + Location.toString(loc, spec) + ", which holds "
                        + holder(state[index(loc)]));
            }
        }
        for (int k = 0; k < n; k++) {
            int d = f.operand(i, k);
            if (!Operand.isDef(d)) {
                continue;
            }
            int dl = a.operandLocation(i, k);
            for (int j = 0; j < n; j++) {
                int o = f.operand(i, j);
                if (j == k || a.operandLocation(i, j) != dl) {
                    continue;
                }
                boolean ok;
                if (Operand.isDef(o)) {
                    ok = false;
                } else if (Operand.constraint(d) == OperandConstraint.REUSE_INPUT) {
                    ok = Operand.reuseIndex(d) == j;
                } else {
                    ok = Operand.isLate(d) && !Operand.isLate(o);
                }
                if (!ok) {
                    throw fail("inst " + i + ": def of v" + Operand.vreg(d) + " and operand " + j + " share "
                            + Location.toString(dl, spec));
                }
            }
        }
        written |= f.clobbers(i);
        for (long m = f.clobbers(i); m != 0; m &= m - 1) {
            state[Long.numberOfTrailingZeros(m)] = UNKNOWN;
        }
        for (int k = 0; k < n; k++) {
            int op = f.operand(i, k);
            if (Operand.isDef(op)) {
                int v = Operand.vreg(op);
                for (int l = 0; l < numLocs; l++) {
                    if (state[l] == v) {
                        state[l] = UNKNOWN;
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            int op = f.operand(i, k);
            if (Operand.isDef(op)) {
                int loc = a.operandLocation(i, k);
                if (Location.isReg(loc)) {
                    written |= 1L << loc;
                }
                state[index(loc)] = Operand.vreg(op);
            }
        }
    }

    private void checkConstraint(int i, int k, int op, int loc) {
        RegClass cls = f.vregClass(Operand.vreg(op));
        boolean ok = switch (Operand.constraint(op)) {
            case FIXED_REG -> loc == Operand.fixedReg(op);
            case REG -> isAllocatable(loc, cls);
            case REUSE_INPUT -> isAllocatable(loc, cls) && loc == a.operandLocation(i, Operand.reuseIndex(op));
            case REG_OR_STACK -> Location.isSlot(loc) || isAllocatable(loc, cls);
        };
        if (!ok) {
            throw fail("inst " + i + ": operand " + k + " (" + Operand.toString(op, spec) + ") is at "
                    + Location.toString(loc, spec));
        }
    }

    private boolean isAllocatable(int loc, RegClass cls) {
        if (!Location.isReg(loc) || loc >= numRegs || spec.regClass(loc) != cls) {
            return false;
        }
        for (int r : spec.allocationOrder(cls)) {
            if (r == loc) {
                return true;
            }
        }
        return false;
    }

    private static String holder(int v) {
        return v == UNKNOWN ? "no known value" : "v" + v;
    }

    private RegisterAllocationCheckException fail(String message) {
        return new RegisterAllocationCheckException(f.name(), message);
    }
}
