package dev.vex.backend.regalloc;

import dev.vex.backend.MachFunction;
import dev.vex.backend.Operand;
import dev.vex.backend.OperandConstraint;

/**
 * Phase 5: the location of every operand, and the moves inside blocks.
 *
 * <p>An ordinary operand gets the location of the part of its vreg that covers the operand's
 * position. A fixed operand is at its register: a use gets a copy into it just before the
 * instruction, a def a copy out of it into the vreg's location right after. A reused input is at
 * the def's register, into which it is copied (with the split moves, from where it was before
 * the gap) before the instruction. Where a vreg was split in
 * the middle of a block, a move joins the two parts; spill stores right after definitions are
 * added for the vregs that phase 3 chose to store there.
 */
final class LocationAssigner {
    private LocationAssigner() {}

    static int[] assign(Lifetimes lifetimes, SpillSlots slots, MoveList moves) {
        MachFunction f = lifetimes.function;
        Interval[] vregs = lifetimes.vregs;
        int[] locs = new int[f.totalOperands()];
        boolean[] fixedDef = new boolean[f.numVRegs()];
        int[] fixedDefReg = new int[f.numVRegs()];
        for (int i = 0; i < f.numInsts(); i++) {
            int base = f.operandBase(i);
            int n = f.numOperands(i);
            for (int k = 0; k < n; k++) {
                int op = f.operand(i, k);
                int v = Operand.vreg(op);
                OperandConstraint c = Operand.constraint(op);
                int cls = vregs[v].regClass;
                if (Operand.isDef(op)) {
                    if (c == OperandConstraint.FIXED_REG) {
                        int r = Operand.fixedReg(op);
                        locs[base + k] = r;
                        fixedDef[v] = true;
                        fixedDefReg[v] = r;
                        Interval after = vregs[v].childAt(2 * i + 2);
                        if (after != null && after.location != r) {
                            moves.add(i + 1, MoveList.AFTER_DEF, r, after.location, cls);
                        }
                        storeAfterDef(slots, v, r, after, i + 1, cls, moves);
                    } else {
                        int pos = Operand.isLate(op) && c != OperandConstraint.REUSE_INPUT ? 2 * i + 1 : 2 * i;
                        int loc = vregs[v].childAt(pos).location;
                        locs[base + k] = loc;
                        storeAfterDef(slots, v, loc, vregs[v].childAt(2 * i + 2), i + 1, cls, moves);
                    }
                } else if (c == OperandConstraint.FIXED_REG) {
                    int r = Operand.fixedReg(op);
                    locs[base + k] = r;
                    int src = vregs[v].childAt(2 * i).location;
                    if (src != r && !alreadyCopied(moves, i, src, r)) {
                        moves.add(i, MoveList.BEFORE_USE, src, r, cls);
                    }
                } else {
                    // A reused input that dies here ends before 2i; the loop below places it.
                    Interval at = vregs[v].childAt(2 * i);
                    locs[base + k] = at == null ? Location.NONE : at.location;
                }
            }
            for (int k = 0; k < n; k++) {
                int op = f.operand(i, k);
                if (Operand.isDef(op) && Operand.constraint(op) == OperandConstraint.REUSE_INPUT) {
                    int in = Operand.reuseIndex(op);
                    int dst = locs[base + k];
                    int src = beforeGap(lifetimes, Operand.vreg(f.operand(i, in)), i, fixedDef, fixedDefReg);
                    locs[base + in] = dst;
                    moves.add(i, MoveList.AFTER_DEF, src, dst, vregs[Operand.vreg(op)].regClass);
                }
            }
        }
        addBlockParamStores(lifetimes, slots, moves);
        addSplitMoves(lifetimes, slots, fixedDef, moves);
        return locs;
    }

    /**
     * Where {@code v} is just before the gap before instruction {@code i}: a reused input is
     * copied in the after-def group, whose moves all read their sources there. At a block start
     * that is after the edge moves; right after a fixed def it is the def's register.
     */
    private static int beforeGap(Lifetimes lifetimes, int v, int i, boolean[] fixedDef, int[] fixedDefReg) {
        MachFunction f = lifetimes.function;
        if (f.blockFirstInst(f.blockOf(i)) == i) {
            return lifetimes.vregs[v].childAt(2 * i).location;
        }
        if (fixedDef[v] && lifetimes.defPos[v] == 2 * i - 1) {
            return fixedDefReg[v];
        }
        return lifetimes.vregs[v].childAt(2 * i - 1).location;
    }

    /** The same vreg used twice in one fixed register needs one copy. */
    private static boolean alreadyCopied(MoveList moves, int inst, int src, int dst) {
        int key = 4 * inst + MoveList.BEFORE_USE;
        for (int m = moves.size - 1; m >= 0 && moves.key[m] >= 4 * inst; m--) {
            if (moves.key[m] == key && moves.from[m] == src && moves.to[m] == dst) {
                return true;
            }
        }
        return false;
    }

    private static void storeAfterDef(SpillSlots slots, int v, int loc, Interval after, int inst, int cls,
            MoveList moves) {
        if (!slots.storeAtDef[v] || after == null || !Location.isReg(loc)) {
            return;
        }
        // Also when the part after the def is in the slot: split moves into the slot are left out.
        moves.add(inst, MoveList.AFTER_DEF, loc, Location.slot(slots.vregSlot[v]), cls);
    }

    private static void addBlockParamStores(Lifetimes lifetimes, SpillSlots slots, MoveList moves) {
        MachFunction f = lifetimes.function;
        for (int b = 0; b < f.numBlocks(); b++) {
            int from = Lifetimes.blockFrom(f, b);
            for (int k = 0; k < f.numBlockParams(b); k++) {
                int p = f.blockParam(b, k);
                Interval root = lifetimes.vregs[p];
                if (root == null || !slots.storeAtDef[p]) {
                    continue;
                }
                int loc = root.childAt(from).location;
                if (Location.isReg(loc)) {
                    moves.add(f.blockFirstInst(b), MoveList.AFTER_DEF, loc, Location.slot(slots.vregSlot[p]),
                            root.regClass);
                }
            }
        }
    }

    /** Moves between the parts of a vreg split inside a block (block boundaries: the resolver). */
    private static void addSplitMoves(Lifetimes lifetimes, SpillSlots slots, boolean[] fixedDef, MoveList moves) {
        MachFunction f = lifetimes.function;
        for (Interval root : lifetimes.vregs) {
            if (root == null) {
                continue;
            }
            int v = root.vreg;
            int slot = slots.vregSlot[v] < 0 ? Location.NONE : Location.slot(slots.vregSlot[v]);
            for (int j = 1; j < root.numChildren; j++) {
                Interval c = root.child(j);
                int p = c.start();
                Interval prev = root.child(j - 1);
                int inst = p >> 1;
                if (!prev.covers(p - 1) || f.blockFirstInst(f.blockOf(inst)) == inst) {
                    continue;
                }
                if (fixedDef[v] && lifetimes.defPos[v] == p - 1) {
                    continue; // the copy out of the fixed register already lands in c
                }
                if (prev.location == c.location || (slots.storeAtDef[v] && c.location == slot)) {
                    continue;
                }
                moves.add(inst, MoveList.AFTER_DEF, prev.location, c.location, root.regClass);
            }
        }
    }
}
