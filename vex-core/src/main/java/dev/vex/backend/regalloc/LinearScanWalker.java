package dev.vex.backend.regalloc;

import dev.vex.backend.BackendException;
import dev.vex.backend.MachFunction;
import dev.vex.backend.MachineSpec;
import dev.vex.backend.RegClass;

/**
 * Phase 2: the linear scan proper, one register class at a time, after Wimmer and Franz
 * (CGO 2010) and Wimmer and Mössenböck (VEE 2005).
 *
 * <p>Intervals are taken in order of start. Each first tries a register that is free for all of
 * it, or for a prefix (it is then split and the rest goes back to the unhandled list). Failing
 * that, the register whose other occupants are needed furthest away is taken from them (they are
 * split, spilled until their next use that needs a register, and that part is re-queued), unless
 * the current interval's own first register use is the furthest, in which case it is spilled
 * itself. Splits fall only on even positions, at the block boundary of lowest loop depth the
 * allowed range contains.
 *
 * <p>A register that would be free only from an odd position cannot take a value whose live
 * range reaches there, because no move can be inserted at an odd position: every "free until"
 * and "blocked from" is rounded down to an even position.
 */
final class LinearScanWalker {
    private final MachineSpec spec;
    private Lifetimes lifetimes;
    private MachFunction function;
    /** Start position of each block; only the first {@code numBlocks} entries are this function's. */
    private int[] blockFrom = new int[16];
    private int numBlocks;
    private int[] depth;
    private final int[] freeUntil;
    private final int[] usePos;
    private final int[] blockPos;
    private final long callerSaved;
    private final IntervalQueue unhandled = new IntervalQueue();
    private Interval[] active = new Interval[16];
    private int numActive;
    private Interval[] inactive = new Interval[16];
    private int numInactive;
    private long usedRegs;

    private final int[][] allocationOrder = new int[RegClass.values().length][];
    /** Per class, the registers of its allocation order as a mask. */
    private final long[] allocatable = new long[RegClass.values().length];

    /** A walker for many functions in turn: {@link #reset} before each. */
    LinearScanWalker(MachineSpec spec) {
        this.spec = spec;
        int n = spec.numRegs();
        freeUntil = new int[n];
        usePos = new int[n];
        blockPos = new int[n];
        callerSaved = spec.callerSaved();
        for (RegClass cls : RegClass.values()) {
            allocationOrder[cls.ordinal()] = spec.allocationOrder(cls);
            for (int r : allocationOrder[cls.ordinal()]) {
                allocatable[cls.ordinal()] |= 1L << r;
            }
        }
    }

    /** Starts on a new function: forgets the previous one, including the registers it used. */
    void reset(Lifetimes lifetimes) {
        this.lifetimes = lifetimes;
        this.function = lifetimes.function;
        this.depth = lifetimes.loopDepth;
        numBlocks = function.numBlocks();
        if (blockFrom.length < numBlocks) {
            blockFrom = new int[Math.max(numBlocks, 2 * blockFrom.length)];
        }
        for (int b = 0; b < numBlocks; b++) {
            blockFrom[b] = Lifetimes.blockFrom(function, b);
        }
        usedRegs = 0;
    }

    /** Registers assigned to any interval, over all classes walked so far. */
    long usedRegs() {
        return usedRegs;
    }

    void walk(RegClass cls) {
        int[] regs = allocationOrder[cls.ordinal()];
        unhandled.clear();
        int count = 0;
        for (Interval it : lifetimes.vregs) {
            if (it != null && it.regClass == cls.ordinal()) {
                unhandled.add(it);
                count++;
            }
        }
        for (int r : regs) {
            if (lifetimes.fixed[r] != Interval.NO_FIXED_RANGES) {
                lifetimes.fixed[r].cursor = 0;
            }
        }
        java.util.Arrays.fill(active, 0, numActive, null);
        java.util.Arrays.fill(inactive, 0, numInactive, null);
        numActive = 0;
        numInactive = 0;
        long budget = 64L * (count + function.numInsts()) + 1024;
        int lastPos = -1;
        while (!unhandled.isEmpty()) {
            if (--budget < 0) {
                throw new IllegalStateException("linear scan did not converge in " + function.name());
            }
            Interval cur = unhandled.poll();
            int pos = cur.start();
            if (pos != lastPos) {
                updateActive(pos);
                for (int r : regs) {
                    if (lifetimes.fixed[r] != Interval.NO_FIXED_RANGES) {
                        lifetimes.fixed[r].coversAdvancing(pos);
                    }
                }
                lastPos = pos;
            }
            cur.cursor = 0;
            if (!tryAllocateFree(cur, regs)) {
                allocateBlocked(cur, regs);
            }
            if (Location.isReg(cur.location)) {
                active = push(active, numActive++, cur);
            }
        }
    }

    private void updateActive(int pos) {
        for (int k = numActive - 1; k >= 0; k--) {
            Interval it = active[k];
            if (it.end() <= pos) {
                active[k] = active[--numActive];
            } else if (!it.coversAdvancing(pos)) {
                active[k] = active[--numActive];
                inactive = push(inactive, numInactive++, it);
            }
        }
        for (int k = numInactive - 1; k >= 0; k--) {
            Interval it = inactive[k];
            if (it.end() <= pos) {
                inactive[k] = inactive[--numInactive];
            } else if (it.coversAdvancing(pos)) {
                inactive[k] = inactive[--numInactive];
                active = push(active, numActive++, it);
            }
        }
    }

    private static Interval[] push(Interval[] list, int at, Interval it) {
        if (at == list.length) {
            list = java.util.Arrays.copyOf(list, at * 2);
        }
        list[at] = it;
        return list;
    }

    private static int evenDown(int pos) {
        return pos == Interval.END ? pos : pos & ~1;
    }

    private static int evenUp(int pos) {
        return (pos + 1) & ~1;
    }

    private boolean tryAllocateFree(Interval cur, int[] regs) {
        for (int r : regs) {
            freeUntil[r] = Interval.END;
        }
        for (int k = 0; k < numActive; k++) {
            freeUntil[active[k].location] = 0;
        }
        for (int k = 0; k < numInactive; k++) {
            Interval it = inactive[k];
            if (freeUntil[it.location] != 0) {
                int x = cur.firstIntersection(it, Interval.NO_OWNER - 1);
                freeUntil[it.location] = Math.min(freeUntil[it.location], evenDown(x));
            }
        }
        for (int r : regs) {
            if (freeUntil[r] != 0) {
                int x = cur.firstIntersection(lifetimes.fixed[r], cur.vreg);
                freeUntil[r] = Math.min(freeUntil[r], evenDown(x));
            }
        }
        int end = cur.end();
        int reg = -1;
        int hint = cur.hint;
        if (hint >= 0 && usable(hint, cur) && freeUntil[hint] >= end) {
            reg = hint;
        }
        if (reg < 0) {
            hint = sharingHint(cur);
            if (hint >= 0 && usable(hint, cur) && freeUntil[hint] >= end) {
                reg = hint;
            }
        }
        if (reg < 0) {
            reg = wholeFit(regs, end);
        }
        if (reg < 0) {
            for (int r : regs) {
                if (reg < 0 || freeUntil[r] > freeUntil[reg]) {
                    reg = r;
                }
            }
        }
        if (freeUntil[reg] <= cur.start()) {
            return false;
        }
        assign(cur, reg);
        if (freeUntil[reg] < end) {
            unhandled.add(cur.splitAt(optimalSplit(evenUp(cur.start() + 1), freeUntil[reg])));
        }
        return true;
    }

    /** Whether {@code reg} is in the allocation order of {@code cur}'s class. */
    private boolean usable(int reg, Interval cur) {
        return (allocatable[cur.regClass] & (1L << reg)) != 0;
    }

    /** The register of the vreg this one would best share (see {@link Lifetimes#hintVreg}), or -1. */
    private int sharingHint(Interval cur) {
        if (cur != cur.root) {
            return -1;
        }
        int other = lifetimes.hintVreg[cur.vreg];
        if (other < 0 || lifetimes.vregs[other] == null) {
            return -1;
        }
        Interval c = lifetimes.vregs[other].childAt(lifetimes.hintPos[cur.vreg]);
        return c != null && Location.isReg(c.location) ? c.location : -1;
    }

    /**
     * A register free for the whole interval: caller-saved first (free of cost), then callee-saved
     * ones already in use (already saved by the prologue), then a new callee-saved one, whose
     * one save and restore is cheaper than spilling around the calls the interval crosses.
     */
    private int wholeFit(int[] regs, int end) {
        int usedCallee = -1;
        int newCallee = -1;
        for (int r : regs) {
            if (freeUntil[r] < end) {
                continue;
            }
            long bit = 1L << r;
            if ((callerSaved & bit) != 0) {
                return r;
            }
            if ((usedRegs & bit) != 0) {
                if (usedCallee < 0) {
                    usedCallee = r;
                }
            } else if (newCallee < 0) {
                newCallee = r;
            }
        }
        return usedCallee >= 0 ? usedCallee : newCallee;
    }

    private void assign(Interval it, int reg) {
        it.location = reg;
        usedRegs |= 1L << reg;
    }

    private void allocateBlocked(Interval cur, int[] regs) {
        int start = cur.start();
        int firstReg = cur.nextRegUse(start);
        if (firstReg == Interval.END) {
            cur.location = Interval.STACK;
            return;
        }
        for (int r : regs) {
            usePos[r] = Interval.END;
            blockPos[r] = Interval.END;
        }
        int posE = evenDown(start);
        for (int k = 0; k < numActive; k++) {
            Interval it = active[k];
            int r = it.location;
            // One that starts here too cannot be split before, but can go to the stack whole.
            usePos[r] = Math.min(usePos[r], it.nextRegUse(posE));
        }
        for (int k = 0; k < numInactive; k++) {
            Interval it = inactive[k];
            int r = it.location;
            int x = cur.firstIntersection(it, Interval.NO_OWNER - 1);
            if (x == Interval.END) {
                continue;
            }
            if ((it.nextCoveredFrom(start) & 1) != 0) {
                blockPos[r] = Math.min(blockPos[r], evenDown(x));
                usePos[r] = Math.min(usePos[r], evenDown(x));
            } else {
                usePos[r] = Math.min(usePos[r], it.nextRegUse(start));
            }
        }
        for (int r : regs) {
            int x = cur.firstIntersection(lifetimes.fixed[r], cur.vreg);
            if (x != Interval.END) {
                blockPos[r] = Math.min(blockPos[r], evenDown(x));
                usePos[r] = Math.min(usePos[r], evenDown(x));
            }
        }
        int reg = regs[0];
        for (int r : regs) {
            if (usePos[r] > usePos[reg]) {
                reg = r;
            }
        }
        if (usePos[reg] <= firstReg) {
            // Every register is wanted sooner than the current interval wants one: spill it
            // until just before its first use that needs a register.
            int minSplit = evenUp(start + 1);
            int maxSplit = evenDown(firstReg);
            if (maxSplit < minSplit) {
                throw new BackendException(function.name(), "instruction " + (firstReg >> 1)
                        + " needs more " + RegClass.of(cur.regClass) + " registers than the target has");
            }
            Interval child = cur.splitAt(optimalSplit(minSplit, maxSplit));
            cur.location = Interval.STACK;
            unhandled.add(child);
            return;
        }
        assign(cur, reg);
        if (blockPos[reg] < cur.end()) {
            unhandled.add(cur.splitAt(optimalSplit(evenUp(start + 1), blockPos[reg])));
        }
        evict(cur, reg);
    }

    /** Moves the other intervals out of {@code reg} where they would overlap {@code cur}. */
    private void evict(Interval cur, int reg) {
        int start = cur.start();
        int posE = evenDown(start);
        for (int k = numActive - 1; k >= 0; k--) {
            Interval it = active[k];
            if (it.location != reg) {
                continue;
            }
            active[k] = active[--numActive];
            int minSplit = evenUp(Math.max(it.start(), it.lastRegUseBefore(posE)) + 1);
            if (minSplit > posE) {
                spillUntilNextUse(it, start);
            } else {
                spillUntilNextUse(it.splitAt(optimalSplit(minSplit, posE)), start);
            }
        }
        for (int k = numInactive - 1; k >= 0; k--) {
            Interval it = inactive[k];
            if (it.location != reg || cur.firstIntersection(it, Interval.NO_OWNER - 1) == Interval.END) {
                continue;
            }
            inactive[k] = inactive[--numInactive];
            unhandled.add(it.splitAt(it.nextCoveredFrom(start)));
        }
    }

    private void spillUntilNextUse(Interval child, int curStart) {
        int q = child.nextRegUse(child.start());
        if (q == Interval.END) {
            child.location = Interval.STACK;
            return;
        }
        int minSplit = Math.max(evenUp(curStart + 1), evenUp(child.start() + 1));
        int maxSplit = evenDown(q);
        if (minSplit > maxSplit) {
            throw new IllegalStateException("cannot spill v" + child.vreg + " before its use at " + q);
        }
        Interval rest = child.splitAt(optimalSplit(minSplit, maxSplit));
        child.location = Interval.STACK;
        unhandled.add(rest);
    }

    /**
     * The split position in {@code [min, max]} (both even) whose moves run least often: the latest
     * block boundary of lowest loop depth, or {@code max} itself if no boundary is better.
     */
    private int optimalSplit(int min, int max) {
        int b = blockAt(max);
        int best = max;
        int bestCost = max == blockFrom[b] && b > 0 ? Math.min(depth[b - 1], depth[b]) : depth[b];
        for (int k = b, steps = 0; k > 0 && steps < 32; k--, steps++) {
            int p = blockFrom[k];
            if (p < min) {
                break;
            }
            int c = Math.min(depth[k - 1], depth[k]);
            if (c < bestCost) {
                best = p;
                bestCost = c;
            }
        }
        return best;
    }

    private int blockAt(int pos) {
        int lo = 0;
        int hi = numBlocks - 1;
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
