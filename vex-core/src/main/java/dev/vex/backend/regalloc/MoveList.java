package dev.vex.backend.regalloc;

import java.util.Arrays;

/**
 * Moves as a growable struct of int arrays. Each has a key {@code 4 * inst + group}: it runs in
 * the gap before instruction {@code inst}, and within that gap the groups run in order
 * {@link #EDGE_IN}, {@link #AFTER_DEF}, {@link #BEFORE_USE}, {@link #EDGE_OUT}. The moves of one
 * key form a parallel move until {@link MoveSequencer} orders them.
 */
final class MoveList {
    /** Moves on the edge from the single predecessor, at the start of a block. */
    static final int EDGE_IN = 0;
    /**
     * Split moves, copies out of fixed def registers, spill stores after a definition, and copies
     * of reused inputs into their def's register; all read where values were before the gap.
     */
    static final int AFTER_DEF = 1;
    /** Copies into fixed use registers. */
    static final int BEFORE_USE = 2;
    /** Moves on the edge to a join block, before the jump. */
    static final int EDGE_OUT = 3;

    int size;
    int[] key = new int[64];
    int[] from = new int[64];
    int[] to = new int[64];
    byte[] regClass = new byte[64];

    void clear() {
        size = 0;
    }

    void add(int inst, int group, int src, int dst, int cls) {
        if (size == key.length) {
            int n = size * 2;
            key = Arrays.copyOf(key, n);
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            regClass = Arrays.copyOf(regClass, n);
        }
        key[size] = 4 * inst + group;
        from[size] = src;
        to[size] = dst;
        regClass[size] = (byte) cls;
        size++;
    }
}
