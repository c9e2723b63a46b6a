package dev.vex.backend.regalloc;

import dev.vex.backend.MachFunction;

/**
 * What lifetime analysis found: live-in sets per block, one interval per vreg (null for a vreg
 * that is never live, such as a dead block parameter), one fixed interval per physical register,
 * and the loop depth of every block. The intervals are split in place by the allocation phase.
 */
final class Lifetimes {
    final MachFunction function;
    final Interval[] vregs;
    final Interval[] fixed;
    final int[] loopDepth;
    /** Position of each vreg's definition (not its interval's start, which a loop can precede). */
    final int[] defPos;
    /**
     * For a block parameter or a def that reuses an input: the vreg whose register it would
     * best share (the argument from an earlier block; the reused input), and where; else -1.
     */
    final int[] hintVreg;
    final int[] hintPos;
    /** Per block, the vregs live on entry, ascending. */
    final int[][] liveIn;

    Lifetimes(MachFunction function, Interval[] vregs, Interval[] fixed, int[] loopDepth, int[] defPos, int[] hintVreg,
            int[] hintPos, int[][] liveIn) {
        this.function = function;
        this.vregs = vregs;
        this.fixed = fixed;
        this.loopDepth = loopDepth;
        this.defPos = defPos;
        this.hintVreg = hintVreg;
        this.hintPos = hintPos;
        this.liveIn = liveIn;
    }

    boolean isLiveIn(int block, int vreg) {
        return java.util.Arrays.binarySearch(liveIn[block], vreg) >= 0;
    }

    static int blockFrom(MachFunction f, int block) {
        return 2 * f.blockFirstInst(block);
    }

    static int blockTo(MachFunction f, int block) {
        return 2 * f.blockEndInst(block);
    }
}
