package dev.vex.interp;

/**
 * A branch destination, decoded: where the target block starts and which registers its
 * arguments come from and go to. The copy is a parallel assignment: every argument is read
 * before any parameter is written, so {@code jump block1(v2, v1)} into {@code block1(v1, v2)}
 * swaps.
 */
final class DecodedBranch {
    final int targetPc;
    final int[] argSlots;
    final int[] paramSlots;
    /** Some argument is a wide value: its high halves move too ({@link #assignHigh}). */
    final boolean wide;

    DecodedBranch(int targetPc, int[] argSlots, int[] paramSlots, boolean wide) {
        this.targetPc = targetPc;
        this.argSlots = argSlots;
        this.paramSlots = paramSlots;
        this.wide = wide;
    }

    /** {@link #assign} for the high halves of wide values (narrow ones move zeros, harmlessly). */
    void assignHigh(long[] high, long[] scratch) {
        assign(high, scratch);
    }

    /** Moves the arguments into the parameters through {@code scratch} (at least as long as the arguments). */
    void assign(long[] regs, long[] scratch) {
        int n = argSlots.length;
        for (int i = 0; i < n; i++) {
            scratch[i] = regs[argSlots[i]];
        }
        for (int i = 0; i < n; i++) {
            regs[paramSlots[i]] = scratch[i];
        }
    }
}
