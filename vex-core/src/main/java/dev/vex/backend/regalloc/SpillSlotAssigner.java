package dev.vex.backend.regalloc;

import dev.vex.backend.MachFunction;
import dev.vex.backend.MachineSpec;
import dev.vex.backend.RegClass;
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
 * hold the value, reusing a slot of the same size whose previous span has ended.
 */
final class SpillSlotAssigner {
    private SpillSlotAssigner() {}

    static SpillSlots assign(Lifetimes lifetimes, MachineSpec spec) {
        MachFunction f = lifetimes.function;
        SpillSlots slots = new SpillSlots(f.numVRegs());
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
            long transitionCost = 0;
            for (int j = 0; j < root.numChildren; j++) {
                Interval c = root.children[j];
                if (c.location != Interval.STACK) {
                    continue;
                }
                firstStack = Math.min(firstStack, c.start());
                lastEnd = Math.max(lastEnd, c.end());
                if (j > 0 && Location.isReg(root.children[j - 1].location)) {
                    transitionCost += weight(lifetimes.loopDepth[blockAt(blockFrom, c.start())]);
                }
            }
            if (lastEnd < 0) {
                continue;
            }
            int v = root.vreg;
            long defCost = weight(lifetimes.loopDepth[blockAt(blockFrom, root.start())]);
            boolean atDef = root.location == Interval.STACK || defCost <= transitionCost;
            slots.storeAtDef[v] = atDef;
            int spanStart = atDef ? root.start() : firstStack;
            spanEnd[v] = lastEnd;
            order[n++] = (long) spanStart << 32 | v;
        }
        Arrays.sort(order, 0, n);
        int[] busyUntil = new int[16];
        for (int k = 0; k < n; k++) {
            int v = (int) order[k];
            int spanStart = (int) (order[k] >>> 32);
            int size = spec.spillSlotSize(f.vregClass(v));
            int slot = -1;
            for (int s = 0; s < slots.count(); s++) {
                if (busyUntil[s] <= spanStart && slots.size(s) == size) {
                    slot = s;
                    break;
                }
            }
            if (slot < 0) {
                slot = slots.newSlot(size);
                if (slot == busyUntil.length) {
                    busyUntil = Arrays.copyOf(busyUntil, slot * 2);
                }
            }
            busyUntil[slot] = spanEnd[v];
            slots.vregSlot[v] = slot;
            Interval root = lifetimes.vregs[v];
            for (int j = 0; j < root.numChildren; j++) {
                if (root.children[j].location == Interval.STACK) {
                    root.children[j].location = Location.slot(slot);
                }
            }
        }
        return slots;
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

    static int slotSize(MachineSpec spec, int regClass) {
        return spec.spillSlotSize(RegClass.of(regClass));
    }
}
