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
    /** Live-in sets: block {@code b} owns words {@code [b * words, (b + 1) * words)}. */
    final long[] liveIn;
    final int words;

    Lifetimes(MachFunction function, Interval[] vregs, Interval[] fixed, int[] loopDepth, int[] defPos, int[] hintVreg,
            int[] hintPos, long[] liveIn, int words) {
        this.function = function;
        this.vregs = vregs;
        this.fixed = fixed;
        this.loopDepth = loopDepth;
        this.defPos = defPos;
        this.hintVreg = hintVreg;
        this.hintPos = hintPos;
        this.liveIn = liveIn;
        this.words = words;
    }

    boolean isLiveIn(int block, int vreg) {
        return (liveIn[block * words + (vreg >>> 6)] & (1L << vreg)) != 0;
    }

    static int blockFrom(MachFunction f, int block) {
        return 2 * f.blockFirstInst(block);
    }

    static int blockTo(MachFunction f, int block) {
        return 2 * f.blockEndInst(block);
    }
}
