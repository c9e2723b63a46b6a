package dev.vex.backend.regalloc;

import dev.vex.backend.MachFunction;
import dev.vex.backend.MachineSpec;
import java.util.Arrays;

/**
 * Phase 3: spill positions and spill slots.
 *
 * <p>A vreg is SSA, so once stored its slot stays valid. For every vreg that is spilled somewhere
 * this phase compares the cost of one store right after the definition with the cost of the
 * stores at each move from a register into the slot, each weighted by 8 to the power of its loop
 * depth, and keeps the cheaper: a value defined outside a loop and spilled inside it is stored
 * once, outside.
 *
 * <p>Then slots are handed out greedily in order of the start of the span over which the slot must
 * hold the value, reusing a slot of the same class whose previous span has ended.
 */
final class SpillSlotAssigner {
    private SpillSlotAssigner() {}

    static SpillSlots assign(Lifetimes lifetimes, MachineSpec spec) {
        MachFunction f = lifetimes.function;
        SpillSlots slots = new SpillSlots(f.numVRegs());
        if (!anySpilled(lifetimes)) {
            return slots; // the common case of small functions: nothing below is needed
        }
        int[] blockFrom = new int[f.numBlocks()];
        for (int b = 0; b < blockFrom.length; b++) {
            blockFrom[b] = Lifetimes.blockFrom(f, b);
        }
        long[] order = new long[f.numVRegs()];
        int[] spanEnd = new int[f.numVRegs()];
        int n = 0;
        for (Interval root : lifetimes.vregs) {
            if (root == null) {
                continue;
            }
            int firstStack = Interval.END;
            int lastEnd = -1;
            int end = -1;
            long transitionCost = 0;
            for (int j = 0; j < root.numChildren; j++) {
                Interval c = root.child(j);
                end = Math.max(end, c.end());
                if (c.location != Interval.STACK) {
                    continue;
                }
                firstStack = Math.min(firstStack, c.start());
                lastEnd = Math.max(lastEnd, c.end());
                if (j > 0 && Location.isReg(root.child(j - 1).location)) {
                    transitionCost += weight(lifetimes.loopDepth[blockAt(blockFrom, c.start())]);
                }
            }
            if (lastEnd < 0) {
                continue;
            }
            int v = root.vreg;
            int def = lifetimes.defPos[v];
            long defCost = weight(lifetimes.loopDepth[blockAt(blockFrom, def)]);
            boolean atDef = root.childAt(def).location == Interval.STACK || defCost <= transitionCost;
            slots.storeAtDef[v] = atDef;
            int spanStart = atDef ? root.start() : firstStack;
            // Stored once, the slot is relied on wherever the value is live (also around loops
            // whose back edge moves it from a register, a move left out for that reason).
            spanEnd[v] = atDef ? end : lastEnd;
            order[n++] = (long) spanStart << 32 | v;
        }
        Arrays.sort(order, 0, n);
        // A slot is reused only within a class: moves of different classes are sequenced
        // separately, which is sound only if they never touch the same location. Per class, a
        // min-heap of (busy until, slot) finds the slot that frees first.
        LongHeap[] free = n == 0 ? null : new LongHeap[] {new LongHeap(), new LongHeap()};
        for (int k = 0; k < n; k++) {
            int v = (int) order[k];
            int spanStart = (int) (order[k] >>> 32);
            LongHeap heap = free[f.vregClass(v).ordinal()];
            int slot;
            if (!heap.isEmpty() && (int) (heap.peek() >>> 32) <= spanStart) {
                slot = (int) heap.poll();
            } else {
                slot = slots.newSlot(spec.spillSlotSize(f.vregClass(v)));
            }
            heap.add((long) spanEnd[v] << 32 | slot);
            slots.vregSlot[v] = slot;
            Interval root = lifetimes.vregs[v];
            for (int j = 0; j < root.numChildren; j++) {
                if (root.child(j).location == Interval.STACK) {
                    root.child(j).location = Location.slot(slot);
                }
            }
        }
        return slots;
    }

    private static boolean anySpilled(Lifetimes lifetimes) {
        for (Interval root : lifetimes.vregs) {
            if (root != null) {
                for (int j = 0; j < root.numChildren; j++) {
                    if (root.child(j).location == Interval.STACK) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static long weight(int depth) {
        return 1L << Math.min(3 * depth, 48);
    }

    static int blockAt(int[] blockFrom, int pos) {
        int lo = 0;
        int hi = blockFrom.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (blockFrom[mid] <= pos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
